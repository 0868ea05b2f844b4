// The system's OpenSSL libcrypto (Debian: libssl-dev), for SHA-256 through its EVP interface.
#ifndef ADVISOR_CLIBCRYPTO_SHIM_H
#define ADVISOR_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
