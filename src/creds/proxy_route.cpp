#include "creds/proxy_route.hpp"

#include <arpa/inet.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <initializer_list>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// libcurl's URL parser turns an IPv4 number of one to four parts (decimal,
// 0x hex or 0 octal, the last part filling the remaining bytes) into dotted
// decimal; anything else stays a name.
std::optional<std::string> dotted_ipv4(std::string_view host) {
  if (host.empty() || host.size() > 64) return std::nullopt;
  const std::string text(host);
  unsigned long parts[4] = {0, 0, 0, 0};
  int count = 0;
  const char* cursor = text.c_str();
  while (true) {
    if (*cursor < '0' || *cursor > '9' || count == 4) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    parts[count++] = std::strtoul(cursor, &end, 0);
    if (errno == ERANGE) return std::nullopt;
    cursor = end;
    if (*cursor == '\0') break;
    if (*cursor != '.') return std::nullopt;
    ++cursor;
  }
  // The last part fills the bytes the earlier ones left.
  unsigned long address = 0;
  for (int i = 0; i < count - 1; ++i) {
    if (parts[i] > 0xff) return std::nullopt;
    address |= parts[i] << (8 * (3 - i));
  }
  const unsigned long last_limit = 0xffffffffUL >> (8 * (count - 1));
  if (parts[count - 1] > last_limit) return std::nullopt;
  address |= parts[count - 1];
  return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
         std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

bool parse_ipv4(const std::string& text, in_addr& address) { return ::inet_pton(AF_INET, text.c_str(), &address) == 1; }

// noproxy.c's CIDR test for IPv4: no bits (or 32) means the exact address.
bool ipv4_in(const std::string& address_text, const std::string& network_text, unsigned bits) {
  in_addr address{};
  in_addr network{};
  if (bits > 32 || !parse_ipv4(address_text, address) || !parse_ipv4(network_text, network)) return false;
  if (bits == 0 || bits == 32) return address.s_addr == network.s_addr;
  const std::uint32_t mask = 0xffffffffU << (32 - bits);
  return ((ntohl(address.s_addr) ^ ntohl(network.s_addr)) & mask) == 0;
}

// A list entry against a host name: the entry's one trailing and one leading
// dot are ignored; it matches the whole name or its tail after a dot.
bool name_matches(std::string_view name, std::string_view entry) {
  if (entry.ends_with('.')) entry.remove_suffix(1);
  if (entry.starts_with('.')) entry.remove_prefix(1);
  if (entry.size() == name.size()) return iequals(entry, name);
  if (entry.size() > name.size()) return false;
  return name[name.size() - entry.size() - 1] == '.' && iequals(name.substr(name.size() - entry.size()), entry);
}

// A list entry against an IPv4 address: "address" or "address/bits", never a suffix.
bool ipv4_entry_matches(const std::string& address, std::string_view entry) {
  constexpr std::size_t kLongestEntry = 127;  // libcurl's buffer: longer entries never match
  if (entry.size() > kLongestEntry) return false;
  std::string network(entry);
  unsigned bits = 0;
  if (const auto slash = network.find('/'); slash != std::string::npos) {
    bits = static_cast<unsigned>(std::atoi(network.c_str() + slash + 1));
    network.resize(slash);
  }
  return ipv4_in(address, network, bits);
}

}  // namespace

std::string libcurl_host_name(std::string_view url_host) {
  if (url_host.starts_with('[')) {
    std::string inner(url_host.substr(1, url_host.find(']') - 1));
    inner.resize(std::min(inner.size(), inner.find('%')));  // the zone is kept apart
    in6_addr address{};
    char normal[INET6_ADDRSTRLEN] = {};
    if (::inet_pton(AF_INET6, inner.c_str(), &address) == 1 &&
        ::inet_ntop(AF_INET6, &address, normal, sizeof normal) != nullptr)
      return normal;
    return inner;
  }
  if (auto dotted = dotted_ipv4(url_host)) return *dotted;
  return std::string(url_host);
}

bool noproxy_matches(std::string_view host_name, std::string_view no_proxy) {
  if (host_name.empty() || no_proxy.empty()) return false;
  if (no_proxy == "*") return true;  // only alone: "*" inside a list is an ordinary (never matching) entry
  const std::string name(host_name);
  in_addr unused{};
  const bool ipv4 = parse_ipv4(name, unused);
  // libcurl 7.88 gets IPv6 addresses without brackets: they match as names.
  std::string_view plain_name = host_name;
  if (!ipv4 && plain_name.ends_with('.')) plain_name.remove_suffix(1);

  // Entries are separated by commas, blanks (space, tab) or both.
  std::size_t pos = 0;
  while (pos < no_proxy.size()) {
    while (pos < no_proxy.size() && (is_blank(no_proxy[pos]) || no_proxy[pos] == ',')) ++pos;
    const std::size_t start = pos;
    while (pos < no_proxy.size() && !is_blank(no_proxy[pos]) && no_proxy[pos] != ',') ++pos;
    const std::string_view entry = no_proxy.substr(start, pos - start);
    if (entry.empty()) continue;
    if (ipv4 ? ipv4_entry_matches(name, entry) : name_matches(plain_name, entry)) return true;
  }
  return false;
}

ProxyRoute libcurl_proxy_route(const UrlParts& url, const TransferConfig& transfer, const Environment& env) {
  const std::string name = libcurl_host_name(url.host);

  // --noproxy, even empty, replaces the environment's list.
  std::optional<std::string> exempt = transfer.noproxy;
  std::string exempt_from = "--noproxy";
  for (const char* variable : {"no_proxy", "NO_PROXY"}) {
    if (exempt) break;
    exempt = env.get(variable);
    exempt_from = variable;
  }
  if (exempt && noproxy_matches(name, *exempt)) return {false, "direct: " + exempt_from + " exempts " + name};

  std::optional<std::string> proxy = transfer.proxy;
  std::string proxy_from = "-x";
  if (!proxy && !transfer.preproxy) {
    // The scheme's own variable, then all_proxy. Upper-case HTTP_PROXY is never
    // read: a CGI program gets it from a request's Proxy: header.
    const std::string scheme_variable = url.scheme + "_proxy";
    std::string upper_scheme_variable = scheme_variable;
    for (char& c : upper_scheme_variable) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    const std::string variables[] = {scheme_variable, scheme_variable == "http_proxy" ? "" : upper_scheme_variable,
                                     "all_proxy", "ALL_PROXY"};
    for (const std::string& variable : variables) {
      if (variable.empty()) continue;
      proxy = env.get(variable);
      proxy_from = variable;
      if (proxy) break;
    }
  }
  if (transfer.preproxy && !transfer.preproxy->empty()) return {true, "through a proxy (given with --preproxy)"};
  if (proxy && !proxy->empty()) return {true, "through a proxy (given with " + proxy_from + ")"};
  return {false, "direct: no proxy is set for " + url.scheme + "://"};
}

}  // namespace dbcurl
