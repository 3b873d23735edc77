#include <catch2/catch.hpp>

#include "apply/url_parser.hpp"
#include "creds/classify.hpp"

using namespace dbcurl;

namespace {
UrlParts parsed(const std::string& url, const std::optional<std::string>& default_protocol = std::nullopt) {
  Result<UrlParts> parts = parse_url_as_libcurl(url, default_protocol);
  INFO(url);
  REQUIRE(parts.ok());
  return *parts;
}
}  // namespace

TEST_CASE("libcurl's reading of a URL: the host and port it connects to") {
  struct Case {
    const char* url;
    const char* scheme;
    const char* host;
    const char* port;
  };
  const Case cases[] = {
      {"https://127.1:8443/", "https", "127.0.0.1", "8443"},
      {"https://2130706433:8443/", "https", "127.0.0.1", "8443"},
      {"https://0x7f.0.0.1:8443/", "https", "127.0.0.1", "8443"},
      {"https://0177.0.0.1/", "https", "127.0.0.1", ""},
      {"https://%31%32%37.0.0.1:8443/", "https", "127.0.0.1", "8443"},
      {"https://127.0.0.1:008443/", "https", "127.0.0.1", "8443"},
      {"https:/127.0.0.1:8443/", "https", "127.0.0.1", "8443"},
      {"https://127.0.0.1.:8443/", "https", "127.0.0.1.", "8443"},
      {"HTTPS://ADB-1.AzureDatabricks.NET/", "https", "ADB-1.AzureDatabricks.NET", ""},
      {"https://%61db-1.azuredatabricks.net:0443/", "https", "adb-1.azuredatabricks.net", "443"},
      {"https://[0:0::1]/", "https", "[::1]", ""},
      {"https://127.0.0.1:8443\\@example.com/", "https", "example.com", ""},
      {"ftp.example.com/f", "ftp", "ftp.example.com", ""},
      {"example.com:8080/x", "http", "example.com", "8080"},
  };
  for (const auto& c : cases) {
    const UrlParts parts = parsed(c.url);
    CHECK(parts.scheme == c.scheme);
    CHECK(parts.host == c.host);
    CHECK(parts.port == c.port);
  }
}

TEST_CASE("--proto-default goes in front of a URL without a scheme, as libcurl puts it") {
  CHECK(parsed("ftp.example.com:21/f", "https").scheme == "https");
  CHECK(parsed("example.com:8080/x", "ftp").scheme == "ftp");
  CHECK(parsed("example.com:8080/x", "ftp").port == "8080");
  CHECK(parsed("example.com/api", "https").scheme == "https");
  CHECK(parsed("http:/example.com/api", "ftp").scheme == "http");
  CHECK(parsed("HTTP://example.com/api", "ftp").scheme == "http");
}

TEST_CASE("userinfo as given, an empty password kept apart from none") {
  CHECK(parsed("https://alice:p%40ss@h/").userinfo == "alice:p%40ss");
  CHECK(parsed("https://alice:@h/").userinfo == "alice:");
  CHECK(parsed("https://alice@h/").userinfo == "alice");
  CHECK(parsed("https://h/").userinfo.empty());
}

TEST_CASE("a URL libcurl rejects is an error") {
  for (const char* url : {"https:////127.0.0.1/", "https://127.0.0.1:65536/", "https://h\t/", "/api/2.0/x",
                          "https://<databricks-instance>/api"}) {
    INFO(url);
    CHECK_FALSE(parse_url_as_libcurl(url, std::nullopt).ok());
  }
}

TEST_CASE("workspace matching compares libcurl's hosts and ports as values") {
  const UrlParts workspace = parsed("https://127.0.0.1:8443");
  for (const char* url : {"https://127.1:8443/", "https://2130706433:8443/", "https://0x7f.0.0.1:8443/",
                          "https://%31%32%37.0.0.1:8443/", "https://127.0.0.1:008443/", "https:/127.0.0.1:8443/",
                          "https://127.0.0.1.:8443/", "http://127.1:8443/", "https://127.0.0.1/"}) {
    INFO(url);
    CHECK(url_matches_workspace(parsed(url), workspace));
  }
  for (const char* url : {"https://127.0.0.2:8443/", "https://localhost:8443/", "https://127.0.0.1:8444/"}) {
    INFO(url);
    CHECK_FALSE(url_matches_workspace(parsed(url), workspace));
  }
  const UrlParts named = parsed("https://adb-1.azuredatabricks.net");
  for (const char* url : {"https://ADB-1.AzureDatabricks.NET/", "https://adb-1.azuredatabricks.net./",
                          "https://adb-1.azuredatabricks.net:0443/", "https://%61db-1.azuredatabricks.net/",
                          "https:/adb-1.azuredatabricks.net/"}) {
    INFO(url);
    CHECK(url_matches_workspace(parsed(url), named));
  }
  CHECK_FALSE(url_matches_workspace(parsed("https://adb-1.azuredatabricks.net:8443/"), named));
  CHECK_FALSE(url_matches_workspace(parsed("https://adb-1.azuredatabricks.net../"), named));
}

TEST_CASE("another scheme to the workspace's host is caught whatever its port; http(s) is not") {
  const UrlParts workspace = parsed("https://ws.example.com");
  CHECK(is_other_scheme_to_workspace_host(parsed("ftp://WS.example.com:2121/f"), workspace));
  CHECK(is_other_scheme_to_workspace_host(parsed("ws.example.com/f", "imap"), workspace));
  CHECK_FALSE(is_other_scheme_to_workspace_host(parsed("https://ws.example.com:8443/"), workspace));
  CHECK_FALSE(is_other_scheme_to_workspace_host(parsed("ftp://other.example.com/"), workspace));
}
