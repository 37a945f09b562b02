#ifndef CDOSSIERSYS_H
#define CDOSSIERSYS_H

#include <stdint.h>

/* The few system calls Dossier needs that differ between operating systems, behind plain C
 * signatures, so the Swift code neither looks symbols up at run time nor names an OS. */

/* Exchanges the two paths in one step (both must exist): Linux renameat2(RENAME_EXCHANGE),
 * macOS renamex_np(RENAME_SWAP). Returns 0, or -1 with errno set (ENOSYS where the system has
 * no atomic exchange: the caller must not fall back to two renames, which would not be atomic). */
int dossier_exchange_paths(const char *a, const char *b);

/* The running executable's size and modification time (seconds and nanoseconds). Returns 0, or
 * -1 where the executable cannot be found (the caller then uses the version alone). */
int dossier_executable_stamp(int64_t *size, int64_t *seconds, int64_t *nanoseconds);

#endif
