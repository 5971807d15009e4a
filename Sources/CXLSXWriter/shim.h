#ifndef CERTIF_CXLSXWRITER_SHIM_H
#define CERTIF_CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

#endif
