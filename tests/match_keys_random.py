#!/usr/bin/env python3
"""Random lines for tests/team_match_keys.sh, the same for a given seed on every run:
  match_keys_random.py lines SEED N   N lines, each a company name made of the word lists'
                                      words, Chinese characters, ASCII words, brackets,
                                      punctuation and spaces of every width, or a 联系方式 cell,
                                      or a 统一社会信用代码 (valid or not, full width, spaced)
  match_keys_random.py pairs SEED N   N pairs "a<TAB>b<TAB>same" of names sharing a trade name
                                      written with other regions, industries, forms, branches
Lines are written with PostgreSQL COPY's escapes, as name_keys and COPY read them; no line
starts with '#'. Python's standard library only."""
import os
import random
import sys

LISTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schema", "matching")


def words(name, whole_lines):
    out = []
    with open(os.path.join(LISTS, name), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            out += [line] if whole_lines else [w.lstrip("<") for w in line.split()]
    return out


LEGAL = words("legal_forms.txt", True)
BRANCH = words("branch_words.txt", True)
REGIONS = words("regions.txt", False)
INDUSTRY = words("industry_classes.txt", False)
CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 300)] + list("华盛腾达新海远景天府恒中国北京上海")
PUNCTUATION = list("()（）【】〔〕〖〗[]{}［］｛｝“”\"'·、。，,.-—–_/\\&+*@!！？?:：；;《》「」…～~") + [
    " ", "\u3000", "\u00a0", "\t", "\u200b", "\ufeff", "\n"]
ASCII = ["Huasheng", "Tech", "Co.", "Ltd", "ACME", "bag", "ag", "AG", "Group", "Inc", "llc", "co",
         "holdings", "Trading", "3M", "58", "x", "Ｈｕａ", "ＡＢＣ", "É", "𝐀"]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def digits(n):
    return "".join(random.choice("0123456789") for _ in range(n))


def name():
    def token():
        r = random.random()
        if r < 0.15:
            return random.choice(REGIONS)
        if r < 0.3:
            return random.choice(INDUSTRY)
        if r < 0.42:
            return random.choice(LEGAL)
        if r < 0.5:
            return random.choice(BRANCH)
        if r < 0.7:
            return "".join(random.choice(CJK) for _ in range(random.randint(1, 3)))
        if r < 0.85:
            return random.choice(PUNCTUATION)
        if r < 0.95:
            return random.choice(ASCII)
        return str(random.randint(0, 999))
    return "".join(token() for _ in range(random.randint(1, 8)))


def contact():
    parts = []
    for _ in range(random.randint(1, 3)):
        r = random.random()
        if r < 0.4:
            number = "1" + random.choice("3456789012") + digits(random.choice([8, 9, 10]))
        elif r < 0.7:
            number = ("0" + random.choice(["10", "21", "512", "757", "991", "2", "3"])
                      + random.choice(["-", " ", "", ")"]) + digits(random.choice([6, 7, 8, 9])))
        elif r < 0.8:
            number = random.choice(["400", "800"]) + "-" + digits(7)
        else:
            number = "".join(random.choice("0123456789 -+()") for _ in range(random.randint(3, 16)))
        if random.random() < 0.3:
            number = "".join(c + (random.choice(" -.") if random.random() < 0.15 else "")
                             for c in number)
        text = (random.choice(["", "", "+86 ", "0086", "86", "手机：", "电话:", "张经理 ", "Tel: ",
                               "(+86)", "QQ: ", "微信："]) + number
                + random.choice(["", "", "转801", "-801", " ext. 8", " 张经理", "（微信同号）", "x12"]))
        if random.random() < 0.2:  # full width
            text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
        parts.append(text)
    return random.choice(["/", "、", "；", ",", " ", "\n", " / "]).join(parts)


def credit_code():
    first17 = "".join(random.choice(ALPHABET) for _ in range(17))
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    code = first17 + ALPHABET[(31 - total % 31) % 31]
    r = random.random()
    if r < 0.2:
        code = code.lower()
    elif r < 0.3:
        code = code[:5] + random.choice([" ", "\u3000", "-"]) + code[5:]
    elif r < 0.4:
        code = "".join(chr(ord(c) + 0xFEE0) for c in code)
    elif r < 0.5:
        code = code[:-1] + random.choice(ALPHABET + "IOSVZ")
    return code


def variant(trade):
    text = ""
    for chance in (0.5, 0.2):
        if random.random() < chance:
            text += random.choice(REGIONS)
    text += trade
    for _ in range(random.randint(0, 2)):
        text += random.choice(INDUSTRY)
    if random.random() < 0.3:
        text += "（" + random.choice(REGIONS) + "）"
    if random.random() < 0.7:
        text += random.choice(LEGAL)
    if random.random() < 0.2:
        text += random.choice(REGIONS) + random.choice(BRANCH)
    return text


def escaped(text):
    return (text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("lines", "pairs"):
        sys.exit("usage: match_keys_random.py lines|pairs SEED N")
    random.seed(int(sys.argv[2]))
    out = []
    while len(out) < int(sys.argv[3]):
        if sys.argv[1] == "lines":
            line = escaped(random.choice([name, name, name, contact, credit_code])())
        else:
            trade = "".join(random.choice(CJK) for _ in range(2))
            line = escaped(variant(trade)) + "\t" + escaped(variant(trade)) + "\tsame"
        if not line.startswith("#"):
            out.append(line)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
