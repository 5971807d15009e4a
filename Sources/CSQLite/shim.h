#ifndef CERTIF_CSQLITE_SHIM_H
#define CERTIF_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a function-like macro cast that Swift cannot import: it tells SQLite to copy
// bound text and blobs before sqlite3_bind_* returns.
static inline sqlite3_destructor_type certif_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
