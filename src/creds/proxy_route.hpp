#pragma once
// Whether libcurl 7.88 sends a request through a proxy: url.c's choice of
// proxy (-x, --preproxy, then <scheme>_proxy and all_proxy from the
// environment) and noproxy.c's matching of --noproxy / no_proxy. The rules are
// written from libcurl's documented and observed behaviour, and
// tests/integration/test_routing_safety.py checks them against the system curl.
// dbcurl enforces a "direct" answer on the transfer (apply.cpp), so where the
// rules and libcurl could ever differ, libcurl cannot proxy against dbcurl's
// decision.

#include <optional>
#include <string>
#include <string_view>

#include "cli/config.hpp"
#include "common/environment.hpp"
#include "creds/url.hpp"

namespace dbcurl {

struct ProxyRoute {
  bool proxied = false;
  std::string why;  // for --explain; names where the proxy came from, never its URL (it may hold credentials)
};

// url as a UrlParser gives it (its scheme is the one libcurl uses).
ProxyRoute libcurl_proxy_route(const UrlParts& url, const TransferConfig& transfer, const Environment& env);

// The host name libcurl matches against no_proxy: IPv4 numbers in dotted
// decimal (127.1 is 127.0.0.1), IPv6 addresses without brackets or zone, in
// their normal form.
std::string libcurl_host_name(std::string_view url_host);

// Whether a no_proxy list exempts host_name (as libcurl_host_name gives it).
bool noproxy_matches(std::string_view host_name, std::string_view no_proxy);

}  // namespace dbcurl
