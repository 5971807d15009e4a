#ifndef CERTIF_CMICROHTTPD_SHIM_H
#define CERTIF_CMICROHTTPD_SHIM_H

#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

// Swift cannot call C variadic functions, so the two that CertifHTTP needs are wrapped here with
// fixed arguments.

// The callback that MHD_OPTION_URI_LOG_CALLBACK takes: it receives the raw request target (path
// and query, before MHD decodes it) and returns the request's context pointer.
typedef void *(*certif_mhd_uri_callback)(void *context, const char *uri,
                                          struct MHD_Connection *connection);

// Starts a daemon on a socket that the caller has bound and set listening. Every callback
// receives `context`. MHD closes `listen_socket` in MHD_stop_daemon unless MHD_quiesce_daemon
// returned it first. Returns NULL when MHD cannot start, and sends the reason to `logger`.
static inline struct MHD_Daemon *certif_mhd_start_daemon(
    unsigned int flags,
    MHD_socket listen_socket,
    unsigned int thread_pool_size,
    unsigned int connection_timeout_seconds,
    MHD_AccessHandlerCallback access_handler,
    MHD_RequestCompletedCallback request_completed,
    certif_mhd_uri_callback uri_callback,
    MHD_LogCallback logger,
    void *context) {
    // The logger comes first so that it also receives the messages of the start itself.
    return MHD_start_daemon(
        flags, 0, NULL, NULL, access_handler, context,
        MHD_OPTION_EXTERNAL_LOGGER, logger, context,
        MHD_OPTION_LISTEN_SOCKET, listen_socket,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_NOTIFY_COMPLETED, request_completed, context,
        MHD_OPTION_URI_LOG_CALLBACK, uri_callback, context,
        MHD_OPTION_END);
}

// The client's address of a connection, or NULL when MHD does not have it.
static inline const struct sockaddr *certif_mhd_client_address(
    struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

#endif
