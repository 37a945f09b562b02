/* See CDossierSys.h. Each function has a Linux branch (the platform Dossier is built and tested
 * on), an Apple branch, and an honest failure elsewhere. */
#define _GNU_SOURCE
#include "CDossierSys.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#include <limits.h>
#endif

int dossier_exchange_paths(const char *a, const char *b) {
#if defined(__linux__)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#elif defined(__APPLE__)
    return renamex_np(a, b, RENAME_SWAP);
#else
    (void)a;
    (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

int dossier_executable_stamp(int64_t *size, int64_t *seconds, int64_t *nanoseconds) {
    struct stat info;
#if defined(__linux__)
    if (stat("/proc/self/exe", &info) != 0) return -1;
    *seconds = (int64_t)info.st_mtim.tv_sec;
    *nanoseconds = (int64_t)info.st_mtim.tv_nsec;
#elif defined(__APPLE__)
    char path[PATH_MAX];
    uint32_t length = sizeof path;
    if (_NSGetExecutablePath(path, &length) != 0 || stat(path, &info) != 0) return -1;
    *seconds = (int64_t)info.st_mtimespec.tv_sec;
    *nanoseconds = (int64_t)info.st_mtimespec.tv_nsec;
#else
    (void)info;
    (void)size;
    (void)seconds;
    (void)nanoseconds;
    return -1;
#endif
    *size = (int64_t)info.st_size;
    return 0;
}
