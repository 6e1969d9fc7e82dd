#!/usr/bin/env python3
"""Draws DealSheet's toolbar icons (16 and 26 px PNG) into registration/icons/.
Run by hand when an icon changes; the PNGs are committed. Standard library only."""
import struct, zlib, os

def png(path, size, pixels):
    raw = b''.join(b'\x00' + b''.join(bytes(pixels[y][x]) for x in range(size)) for y in range(size))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))

GREEN, RED, AMBER, BLUE, GREY, WHITE = (30, 123, 74, 255), (200, 40, 40, 255), (235, 150, 20, 255), (40, 90, 180, 255), (90, 90, 90, 255), (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)

def canvas(n):
    return [[CLEAR] * n for _ in range(n)]

def rect(c, x0, y0, x1, y1, col):
    n = len(c)
    for y in range(max(0, int(y0)), min(n, int(y1))):
        for x in range(max(0, int(x0)), min(n, int(x1))):
            c[y][x] = col

def line(c, x0, y0, x1, y1, w, col):
    steps = int(max(abs(x1 - x0), abs(y1 - y0)) * 4) + 1
    for i in range(steps + 1):
        t = i / steps
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        rect(c, x - w / 2, y - w / 2, x + w / 2 + 0.5, y + w / 2 + 0.5, col)

def sheet(c, n):  # a small grid: the spreadsheet the command works on
    s = n / 16
    rect(c, 1 * s, 1 * s, 13 * s, 15 * s, GREY)
    rect(c, 2 * s, 2 * s, 12 * s, 14 * s, WHITE)
    for k in (5, 8, 11):
        rect(c, 2 * s, k * s, 12 * s, k * s + max(1, s * 0.7), GREY)

def validate(n):
    c = canvas(n); sheet(c, n); s = n / 16
    line(c, 6 * s, 10 * s, 9 * s, 13 * s, 2.2 * s, GREEN); line(c, 9 * s, 13 * s, 15 * s, 5 * s, 2.2 * s, GREEN)
    return c

def insert(n):
    c = canvas(n); sheet(c, n); s = n / 16
    rect(c, 9 * s, 11.5 * s, 16 * s, 13.5 * s, BLUE); rect(c, 11.5 * s, 9 * s, 13.5 * s, 16 * s, BLUE)
    return c

def assign(n):
    c = canvas(n); s = n / 16
    for x in (5, 10):
        line(c, x * s + 1 * s, 2 * s, x * s - 1 * s, 14 * s, 1.6 * s, BLUE)
    for y in (6, 10):
        line(c, 2 * s, y * s, 14 * s, y * s, 1.6 * s, BLUE)
    return c

def review(n):
    c = canvas(n); s = n / 16
    rect(c, 1 * s, 14 * s, 15 * s, 15.2 * s, GREY)
    for x, h, col in ((2, 6, BLUE), (6, 10, GREEN), (10, 4, AMBER)):
        rect(c, x * s, (14 - h) * s, (x + 3) * s, 14 * s, col)
    return c

def clear(n):
    c = canvas(n); sheet(c, n); s = n / 16
    line(c, 7 * s, 7 * s, 15 * s, 15 * s, 2.2 * s, RED); line(c, 15 * s, 7 * s, 7 * s, 15 * s, 2.2 * s, RED)
    return c

def sync(n):  # the team's database (a cylinder) with an arrow up (push) and one down (pull)
    c = canvas(n); s = n / 16
    rect(c, 1 * s, 3 * s, 9 * s, 14 * s, GREY)
    rect(c, 2 * s, 2 * s, 8 * s, 15 * s, GREY)
    for y in (6, 10):
        rect(c, 1 * s, y * s, 9 * s, y * s + max(1, s * 0.7), WHITE)
    line(c, 11.5 * s, 14 * s, 11.5 * s, 3 * s, 1.6 * s, BLUE)
    line(c, 11.5 * s, 2 * s, 9.8 * s, 5 * s, 1.4 * s, BLUE); line(c, 11.5 * s, 2 * s, 13.2 * s, 5 * s, 1.4 * s, BLUE)
    line(c, 14.5 * s, 2 * s, 14.5 * s, 13 * s, 1.6 * s, GREEN)
    line(c, 14.5 * s, 14 * s, 12.8 * s, 11 * s, 1.4 * s, GREEN); line(c, 14.5 * s, 14 * s, 16 * s, 11 * s, 1.4 * s, GREEN)
    return c

def mapcols(n):  # two columns joined by arrows: the user's column to DealSheet's
    c = canvas(n); s = n / 16
    for x in (1, 11):
        rect(c, x * s, 1 * s, (x + 4) * s, 15 * s, GREY)
        rect(c, (x + 1) * s, 2 * s, (x + 3) * s, 14 * s, WHITE)
    for y in (4.5, 11.5):
        line(c, 5 * s, y * s, 11 * s, y * s, 1.4 * s, BLUE)
        line(c, 9 * s, (y - 2) * s, 11 * s, y * s, 1.2 * s, BLUE); line(c, 9 * s, (y + 2) * s, 11 * s, y * s, 1.2 * s, BLUE)
    return c

def calendar(n):  # a calendar page with a red header and a marked day
    c = canvas(n); s = n / 16
    rect(c, 1 * s, 2 * s, 15 * s, 15 * s, GREY)
    rect(c, 2 * s, 6 * s, 14 * s, 14 * s, WHITE)
    rect(c, 2 * s, 3 * s, 14 * s, 6 * s, RED)
    for x in (4, 11):
        rect(c, x * s, 1 * s, x * s + max(1, s * 1.2), 4 * s, GREY)
    for y in (7.5, 10.5):
        for x in (3, 6, 9, 12):
            rect(c, x * s, y * s, x * s + 2 * s, y * s + 2 * s, GREY if (x, y) != (9, 10.5) else AMBER)
    return c

def dossier(n):  # a document with a folded corner and a red PDF band
    c = canvas(n); s = n / 16
    rect(c, 2 * s, 1 * s, 11 * s, 15 * s, GREY)
    rect(c, 3 * s, 2 * s, 10 * s, 14 * s, WHITE)
    rect(c, 11 * s, 5 * s, 14 * s, 15 * s, GREY)
    rect(c, 10 * s, 5 * s, 13 * s, 14 * s, WHITE)
    line(c, 10 * s, 1.5 * s, 13.5 * s, 5 * s, 1.0 * s, GREY)
    for y in (4, 6.5, 9):
        rect(c, 4.5 * s, y * s, 11.5 * s, y * s + max(1, s * 0.7), BLUE)
    rect(c, 1 * s, 10.5 * s, 12 * s, 14 * s, RED)
    return c

def sidebar(n):  # the DealSheet deck's tab: a window with a panel on its right, a list of problems
    c = canvas(n); s = n / 16
    rect(c, 1 * s, 2 * s, 15 * s, 14 * s, GREY)
    rect(c, 2 * s, 3 * s, 9 * s, 13 * s, WHITE)
    rect(c, 10 * s, 3 * s, 14 * s, 13 * s, WHITE)
    for y, col in ((4.5, RED), (7.5, AMBER), (10.5, RED)):
        rect(c, 10.5 * s, y * s, 11.8 * s, y * s + 1.3 * s, col)
        rect(c, 12.2 * s, y * s + 0.3 * s, 13.6 * s, y * s + max(1, s * 0.9), BLUE)
    line(c, 3 * s, 8 * s, 5 * s, 10.5 * s, 1.6 * s, GREEN); line(c, 5 * s, 10.5 * s, 8.5 * s, 5 * s, 1.6 * s, GREEN)
    return c

out = os.path.join(os.path.dirname(__file__), '..', 'registration', 'icons')
def merge(n):  # two customers' cards joined into one: two arrows into a green card
    c = canvas(n); s = n / 16
    rect(c, 1 * s, 1 * s, 6 * s, 5 * s, BLUE)
    rect(c, 1 * s, 11 * s, 6 * s, 15 * s, BLUE)
    line(c, 6 * s, 3 * s, 10 * s, 7 * s, 1.4 * s, GREY)
    line(c, 6 * s, 13 * s, 10 * s, 9 * s, 1.4 * s, GREY)
    rect(c, 10 * s, 5 * s, 15 * s, 11 * s, GREEN)
    return c

for name, draw in (('validate', validate), ('insert', insert), ('assign', assign), ('review', review), ('clear', clear), ('sync', sync), ('mapcols', mapcols), ('calendar', calendar), ('dossier', dossier), ('merge', merge), ('sidebar', sidebar)):
    for size in (16, 26):
        png(os.path.join(out, f'{name}_{size}.png'), size, draw(size))
