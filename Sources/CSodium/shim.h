#ifndef CERTIF_CSODIUM_SHIM_H
#define CERTIF_CSODIUM_SHIM_H

#include <sodium.h>

#endif
