// Lets the component load on glibc 2.28 (Debian 10, RHEL 8, Ubuntu 20.04, UOS/Kylin desktops)
// although it is built on Debian 12 (glibc 2.36) with GCC 12's libstdc++ linked in statically.
//
// The static libstdc++ objects were compiled against glibc 2.36 and refer to symbols
// that glibc 2.28 does not have (cmake/CheckSymbolVersions.cmake fails the build when any
// other one appears). Each is defined here, hidden, so the link binds them inside the
// component and the dynamic symbol table never asks the system for them:
// - __libc_single_threaded (GLIBC_2.32): libstdc++ skips atomic reference counting while it
//   is true. Always false here, which is what older libstdc++ assumed: correct, barely slower.
// - pthread_once (GLIBC_2.34 since libpthread moved into libc): forwarded to the original
//   version, which every glibc still exports (from libpthread before 2.34, libc after). So are
//   pthread_create, pthread_join and pthread_detach, which std::thread calls (live checking
//   works a check's row dependencies out on a thread of its own).
// - fstat64 (GLIBC_2.33, used by file streams; before 2.33 an inline wrapper): the system call.
// - arc4random (GLIBC_2.36, std::random_device): getentropy (2.25).
// None of them is called by DealSheet's own code; they come with <iostream> and the locale.
// The same file streams refer to fopen64 and std::random_device's /dev/urandom fallback to
// open. DealSheet opens no file (the security promise tests/security_check.sh checks on the
// import table), so both are defined here too, failing the way a denied open fails, and the
// component imports no file-opening function.
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>

#if defined(__linux__) && defined(__GLIBC__)

#if defined(__x86_64__)
#define DEALSHEET_GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define DEALSHEET_GLIBC_BASE "GLIBC_2.17"
#else
#error "glibc_compat.cxx: add this architecture's first glibc symbol version"
#endif

#define DEALSHEET_HIDDEN __attribute__((visibility("hidden")))

extern "C" {

DEALSHEET_HIDDEN char __libc_single_threaded = 0;

// pthread_once_t is an int on every glibc architecture.
int dealsheet_original_pthread_once(int* once, void (*init)());
__asm__(".symver dealsheet_original_pthread_once, pthread_once@" DEALSHEET_GLIBC_BASE);

DEALSHEET_HIDDEN int pthread_once(int* once, void (*init)()) {
    return dealsheet_original_pthread_once(once, init);
}

// pthread_t is an unsigned long on x86-64 and aarch64; the attributes are only passed on.
int dealsheet_original_pthread_create(unsigned long* thread, const void* attributes,
                                      void* (*start)(void*), void* argument);
int dealsheet_original_pthread_join(unsigned long thread, void** result);
int dealsheet_original_pthread_detach(unsigned long thread);
__asm__(".symver dealsheet_original_pthread_create, pthread_create@" DEALSHEET_GLIBC_BASE);
__asm__(".symver dealsheet_original_pthread_join, pthread_join@" DEALSHEET_GLIBC_BASE);
__asm__(".symver dealsheet_original_pthread_detach, pthread_detach@" DEALSHEET_GLIBC_BASE);

DEALSHEET_HIDDEN int pthread_create(unsigned long* thread, const void* attributes,
                                    void* (*start)(void*), void* argument) {
    return dealsheet_original_pthread_create(thread, attributes, start, argument);
}

DEALSHEET_HIDDEN int pthread_join(unsigned long thread, void** result) {
    return dealsheet_original_pthread_join(thread, result);
}

DEALSHEET_HIDDEN int pthread_detach(unsigned long thread) {
    return dealsheet_original_pthread_detach(thread);
}

// struct stat64 of glibc is the kernel's struct stat on x86-64 and aarch64.
DEALSHEET_HIDDEN int fstat64(int fd, void* status) {
    return static_cast<int>(syscall(SYS_fstat, fd, status));
}

DEALSHEET_HIDDEN std::uint32_t arc4random() {
    std::uint32_t value = 0;
    // getrandom(2) exists since Linux 3.17; std::random_device must never return a constant.
    if (getentropy(&value, sizeof value) != 0) std::abort();
    return value;
}

DEALSHEET_HIDDEN void* fopen64(const char*, const char*) {
    errno = EACCES;
    return nullptr;
}

DEALSHEET_HIDDEN int open(const char*, int, ...) {
    errno = EACCES;
    return -1;
}

}  // extern "C"

#endif
