#include <catch2/catch.hpp>

#include "apply/url_parser.hpp"
#include "creds/proxy_route.hpp"

using namespace dbcurl;

// Each row was observed with the system curl 7.88.1 (test_routing_safety.py
// checks a table like it end to end).
TEST_CASE("no_proxy lists match as libcurl 7.88 matches them") {
  struct Case {
    const char* host;  // as libcurl_host_name gives it
    const char* no_proxy;
    bool exempt;
  };
  const Case cases[] = {
      {"127.0.0.1", "0.0.1", false},  // an IP address has no suffixes
      {"127.0.0.1", "*", true},
      {"127.0.0.1", "a,*", false},  // "*" only alone
      {"127.0.0.1", "* ", false},
      {"127.0.0.1", "a 127.0.0.1", true},  // blanks separate too
      {"127.0.0.1", "a\t127.0.0.1", true},
      {"127.0.0.1", "a;127.0.0.1", false},
      {"127.0.0.1", " ,, 127.0.0.1", true},
      {"127.0.0.1", "127.0.0.0/8", true},
      {"127.0.0.1", "127.0.0.1/33", false},
      {"127.0.0.1", "127.0.0.1/0", true},  // no bits: the exact address
      {"127.0.0.1", "127.0.0.2/0", false},
      {"127.0.0.1", "127.0.0.1:80", false},  // no ports
      {"127.0.0.1", ".127.0.0.1", false},
      {"127.0.0.1", "127.0.0.1.", false},
      {"127.0.0.2", "127.0.0.0/24", true},
      {"127.0.0.2", "127.0.0.1/31", false},
      {"127.0.0.2", "127.0.0.1/30", true},
      {"::1", "::1", true},  // IPv6 addresses match as names in 7.88
      {"::1", "[::1]", false},
      {"::1", "::/0", false},
      {"::1", "::1/128", false},
      {"::1", "0::1", false},
      {"localhost", "LOCALHOST", true},
      {"LOCALHOST", "localhost", true},
      {"localhost", ".localhost", true},
      {"localhost", "localhost.", true},
      {"localhost.", "localhost", true},
      {"ws.example.com", "example.com", true},
      {"ws.example.com", ".example.com", true},
      {"ws.example.com", "xample.com", false},
      {"ws.example.com", "*.example.com", false},
      {"ws.example.com", "ws.example.com.", true},
      {"ws.example.com", "foo bar  example.com", true},
      {"ws.example.com", ".", false},
      {"ws.example.com", "com", true},
      {"ws.example.com", "", false},
      {"", "*", false},
  };
  for (const auto& c : cases) {
    INFO(c.host << " in '" << c.no_proxy << "'");
    CHECK(noproxy_matches(c.host, c.no_proxy) == c.exempt);
  }
}

TEST_CASE("host names as libcurl's URL parser hands them to the no_proxy check") {
  CHECK(libcurl_host_name("127.1") == "127.0.0.1");
  CHECK(libcurl_host_name("0x7f.0.0.1") == "127.0.0.1");
  CHECK(libcurl_host_name("2130706433") == "127.0.0.1");
  CHECK(libcurl_host_name("0177.0.0.1") == "127.0.0.1");
  CHECK(libcurl_host_name("127.0.0.1.") == "127.0.0.1.");
  CHECK(libcurl_host_name("127.0.0.256") == "127.0.0.256");
  CHECK(libcurl_host_name("1.2.3.4.5") == "1.2.3.4.5");
  CHECK(libcurl_host_name("[0:0::1]") == "::1");
  CHECK(libcurl_host_name("[::1%25lo]") == "::1");
  CHECK(libcurl_host_name("ws.example.com") == "ws.example.com");
}

TEST_CASE("which proxy libcurl 7.88 takes, and when none") {
  struct Case {
    const char* url;
    std::vector<std::pair<std::string, std::string>> env;
    std::optional<std::string> proxy_flag;
    std::optional<std::string> noproxy_flag;
    std::optional<std::string> preproxy_flag;
    bool proxied;
  };
  const Case cases[] = {
      {"http://127.0.0.1/", {}, std::nullopt, std::nullopt, std::nullopt, false},
      {"http://127.0.0.1/", {{"HTTP_PROXY", "http://p"}}, std::nullopt, std::nullopt, std::nullopt, false},
      {"http://127.0.0.1/", {{"http_proxy", "http://p"}}, std::nullopt, std::nullopt, std::nullopt, true},
      {"http://127.0.0.1/", {{"https_proxy", "http://p"}}, std::nullopt, std::nullopt, std::nullopt, false},
      {"https://127.0.0.1/", {{"HTTPS_PROXY", "http://p"}}, std::nullopt, std::nullopt, std::nullopt, true},
      {"http://127.0.0.1/", {{"ALL_PROXY", "http://p"}}, std::nullopt, std::nullopt, std::nullopt, true},
      {"127.0.0.1/", {{"all_proxy", "http://p"}}, std::nullopt, std::nullopt, std::nullopt, true},
      {"http://127.0.0.1/",
       {{"http_proxy", "http://p"}, {"NO_PROXY", "127.0.0.1"}},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       false},
      {"http://127.0.0.1/",
       {{"http_proxy", "http://p"}, {"no_proxy", "x"}, {"NO_PROXY", "127.0.0.1"}},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       true},
      {"http://127.0.0.1/",
       {{"http_proxy", "http://p"}, {"no_proxy", "127.0.0.1"}},
       std::nullopt,
       "",
       std::nullopt,
       true},
      {"http://127.0.0.1/", {{"no_proxy", "127.0.0.1"}}, "http://p", std::nullopt, std::nullopt, false},
      {"http://127.0.0.1/", {{"http_proxy", "http://p"}}, "", std::nullopt, std::nullopt, false},
      {"http://127.0.0.1/", {}, std::nullopt, std::nullopt, "socks5://p", true},
      {"http://127.0.0.1/", {}, "http://p", "*", "socks5://p", false},
      {"http://[::1]:8080/",
       {{"http_proxy", "http://p"}, {"no_proxy", "::1"}},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       false},
  };
  for (const auto& c : cases) {
    INFO(c.url);
    MapEnvironment env;
    for (const auto& [name, value] : c.env) env.set(name, value);
    TransferConfig transfer;
    transfer.proxy = c.proxy_flag;
    transfer.noproxy = c.noproxy_flag;
    transfer.preproxy = c.preproxy_flag;
    const Result<UrlParts> url = parse_url_as_libcurl(c.url, std::nullopt);
    REQUIRE(url.ok());
    const ProxyRoute route = libcurl_proxy_route(*url, transfer, env);
    INFO(route.why);
    CHECK(route.proxied == c.proxied);
  }
}
