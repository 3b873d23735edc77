#include <catch2/catch.hpp>

#include "creds/url.hpp"

using namespace dbcurl;

TEST_CASE("split_url finds the parts curl would see") {
  UrlParts parts = split_url("HTTPS://user:pw@Host.Example:8443/api/2.0/x?a=1#f");
  CHECK(parts.scheme == "https");
  CHECK(parts.userinfo == "user:pw");
  CHECK(parts.host == "Host.Example");
  CHECK(parts.port == "8443");
  CHECK(parts.rest == "/api/2.0/x?a=1#f");

  UrlParts v6 = split_url("http://[::1]:80/");
  CHECK(v6.host == "[::1]");
  CHECK(v6.port == "80");

  UrlParts bare = split_url("example.com/path");
  CHECK(bare.scheme.empty());
  CHECK(bare.host == "example.com");

  CHECK(split_url("/api/2.0/clusters/list").host.empty());
  CHECK(split_url("https://<databricks-instance>/api").host == "<databricks-instance>");
}

TEST_CASE("host normalisation follows the Go SDK") {
  struct Case {
    const char* configured;
    const char* origin;
  };
  const Case cases[] = {
      {"adb-1.2.azuredatabricks.net", "https://adb-1.2.azuredatabricks.net"},
      {"https://dbc-a1b2.cloud.databricks.com/", "https://dbc-a1b2.cloud.databricks.com"},
      {"https://dbc-a1b2.cloud.databricks.com:443/some/path?x=1", "https://dbc-a1b2.cloud.databricks.com"},
      {"https://DBC-A1B2.cloud.databricks.com:8443", "https://dbc-a1b2.cloud.databricks.com:8443"},
      {"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
      {"https://https://dbc-x.cloud.databricks.com", "https://dbc-x.cloud.databricks.com"},
      // No "://": https:// is added even when the name starts with "http" (the SDKs' rule).
      {"httpbin-ws.cloud.databricks.com", "https://httpbin-ws.cloud.databricks.com"},
      {"https-gw.cloud.databricks.com:8443/x", "https://https-gw.cloud.databricks.com:8443"},
  };
  for (const auto& c : cases) {
    INFO(c.configured);
    Result<WorkspaceHost> host = normalize_host(c.configured);
    REQUIRE(host.ok());
    CHECK(host->origin() == c.origin);
  }
  CHECK(normalize_host("https://adb-1.azuredatabricks.net/?o=123456")->workspace_id == std::string("123456"));
  // Ids pasted with the host, as the Go SDK's fixHostIfNeeded reads them.
  CHECK(normalize_host("https://x.test/?w=ab-1&o=99")->workspace_id == std::string("ab-1"));
  CHECK_FALSE(normalize_host("https://x.test/?o=notanumber")->workspace_id.has_value());
  CHECK(normalize_host("https://x.test/?o=&workspace_id=7#o=8")->workspace_id == std::string("7"));
  CHECK(normalize_host("https://x.test/?account_id=acc&a=first")->account_id == std::string("first"));
  CHECK_FALSE(normalize_host("https://x.test/?o=1")->account_id.has_value());
  CHECK(normalize_host("https://accounts.cloud.databricks.com")->is_account_host());
  CHECK(normalize_host("https://accounts-dod.cloud.databricks.us")->is_account_host());
  CHECK_FALSE(normalize_host("https://dbc-a.cloud.databricks.com")->is_account_host());
  CHECK_FALSE(normalize_host("https://").ok());
}

TEST_CASE("placeholders, loopback and doubled schemes") {
  CHECK(is_placeholder_host("<databricks-instance>"));
  CHECK(is_placeholder_host("<workspace-url>"));
  CHECK_FALSE(is_placeholder_host("databricks-instance"));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.10.20.30"));
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("[::1]"));
  CHECK_FALSE(is_loopback_host("127.example.com"));
  CHECK_FALSE(is_loopback_host("10.0.0.1"));
  CHECK(repair_doubled_scheme("https://https://h/api") == std::string("https://h/api"));
  CHECK(repair_doubled_scheme("https://http://h/") == std::string("http://h/"));
  CHECK_FALSE(repair_doubled_scheme("https://h/https://x").has_value());
}
