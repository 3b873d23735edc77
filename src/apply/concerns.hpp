#pragma once
// apply_transfer's parts, one per concern, as curl's tool splits its
// config-to-setopts code. apply_transfer calls them in this order; where two
// set the same option, the later one wins on purpose (noted there).

#include <string>

#include "apply/apply.hpp"
#include "apply/setter.hpp"

namespace dbcurl {

// URL, headers, body, method and what shapes the request (request.cpp).
Status apply_request(Setter& set, CURL* easy, const TransferConfig& transfer, const RequestPlan& plan,
                     const TransferSinks& sinks, AppliedTransfer& owned);
// Timeouts, rates and sizes (connection.cpp).
void apply_limits(Setter& set, const TransferConfig& transfer, const TransferSinks& sinks);
// Name resolution, sockets, protocols and HTTP versions (connection.cpp).
Status apply_connection(Setter& set, const TransferConfig& transfer, const TransferSinks& sinks,
                        AppliedTransfer& owned);
// Proxies, forced off when the plan says direct only (proxy.cpp).
Status apply_proxy(Setter& set, const TransferConfig& transfer, const RequestPlan& plan, AppliedTransfer& owned);
// Certificates, keys, versions and TLS switches (tls.cpp).
void apply_tls(Setter& set, const TransferConfig& transfer, const Environment& env);
// FTP, SMTP, IMAP, POP3, SSH, TFTP and TELNET (other_protocols.cpp).
Status apply_other_protocols(Setter& set, const TransferConfig& transfer, const std::string& url,
                             const Environment& env, AppliedTransfer& owned);

}  // namespace dbcurl
