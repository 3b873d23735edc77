#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>

#include "apply/url_parser.hpp"
#include "creds/classify.hpp"
#include "creds/dbcurl_config.hpp"
#include "fake_url_parser.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeHome;
using dbcurl::testing::FakeRunner;
using dbcurl::testing::parse_url_text;

namespace {

struct Planner {
  FakeHome home;
  FakeRunner runner;
  std::vector<std::string> warnings;

  Planner() {
    home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
    home.env.set("DATABRICKS_TOKEN", "dapi-resolved-token");
  }

  UrlParser parser = parse_url_text;

  Result<RequestPlan> plan(const std::string& url, const TransferConfig& transfer = TransferConfig{}) {
    CredentialResolver resolver(home.io(runner), std::nullopt, nullptr, parser);
    return plan_request(url, transfer, resolver, [this](std::string_view text) { warnings.emplace_back(text); });
  }
};

TransferConfig with_user(const std::string& user) {
  TransferConfig transfer;
  transfer.user.emplace(user);
  return transfer;
}

}  // namespace

TEST_CASE("which requests are workspace requests") {
  Planner planner;
  struct Case {
    const char* url;
    bool workspace;
    const char* final_url;
  };
  const Case cases[] = {
      {"/api/2.0/clusters/list", true, "https://ws.cloud.databricks.com/api/2.0/clusters/list"},
      {"https://<databricks-instance>/api/2.0/x", true, "https://ws.cloud.databricks.com/api/2.0/x"},
      {"https://<workspace-url>/api/2.0/x?a=1", true, "https://ws.cloud.databricks.com/api/2.0/x?a=1"},
      {"https://WS.cloud.databricks.com/api/2.0/x", true, "https://WS.cloud.databricks.com/api/2.0/x"},
      {"https://ws.cloud.databricks.com:443/x", true, "https://ws.cloud.databricks.com:443/x"},
      {"https://ws.cloud.databricks.com:8443/x", false, "https://ws.cloud.databricks.com:8443/x"},
      {"https://other.cloud.databricks.com/api", false, "https://other.cloud.databricks.com/api"},
      {"https://example.com/ws.cloud.databricks.com", false, "https://example.com/ws.cloud.databricks.com"},
  };
  for (const auto& c : cases) {
    INFO(c.url);
    Result<RequestPlan> plan = planner.plan(c.url);
    REQUIRE(plan.ok());
    CHECK(plan->workspace == c.workspace);
    CHECK(plan->url == c.final_url);
    CHECK((plan->auth == AuthMode::kBearer) == c.workspace);
  }
}

TEST_CASE("a doubled scheme is repaired with a warning") {
  Planner planner;
  Result<RequestPlan> plan = planner.plan("https://https://ws.cloud.databricks.com/api/2.0/x");
  REQUIRE(plan.ok());
  CHECK(plan->url == "https://ws.cloud.databricks.com/api/2.0/x");
  CHECK(plan->workspace);
  REQUIRE(planner.warnings.size() == 1);
  CHECK(planner.warnings[0].find("doubled scheme") != std::string::npos);
}

TEST_CASE("plain requests keep everything the user gave and get nothing") {
  Planner planner;
  TransferConfig transfer = with_user("alice:secret");
  transfer.headers = {"Authorization: Bearer <personal-access-token>"};
  Result<RequestPlan> plan = planner.plan("https://example.com/", transfer);
  REQUIRE(plan.ok());
  CHECK(plan->auth == AuthMode::kNone);
  CHECK(plan->headers == transfer.headers);
  CHECK_FALSE(plan->bearer.has_value());
}

TEST_CASE("a placeholder Authorization header is filled with the resolved token") {
  Planner planner;
  TransferConfig transfer;
  transfer.headers = {"X-A: 1", "Authorization: Bearer <personal-access-token>"};
  Result<RequestPlan> plan = planner.plan("/api/2.0/x", transfer);
  REQUIRE(plan.ok());
  CHECK(plan->auth == AuthMode::kBearer);
  CHECK(plan->bearer->view() == "dapi-resolved-token");
  CHECK(plan->headers == std::vector<std::string>{"X-A: 1"});
}

TEST_CASE("the user's own credentials win") {
  Planner planner;
  TransferConfig header;
  header.headers = {"authorization: Bearer mine"};
  CHECK(planner.plan("/api/x", header)->auth == AuthMode::kUserSupplied);

  TransferConfig bearer;
  bearer.oauth2_bearer.emplace("mine");
  CHECK(planner.plan("/api/x", bearer)->auth == AuthMode::kUserSupplied);
  CHECK(planner.warnings.back().find("process list") != std::string::npos);

  CHECK(planner.plan("/api/x", with_user("token:dapi-typed"))->auth == AuthMode::kUserSupplied);
  CHECK(planner.warnings.back().find("process list") != std::string::npos);
  const std::size_t warned = planner.warnings.size();
  CHECK(planner.plan("/api/x", with_user("token"))->auth == AuthMode::kUserSupplied);  // typed at the prompt
  CHECK(planner.warnings.size() == warned);
}

TEST_CASE("passwords are refused on workspace requests in every form") {
  Planner planner;
  for (const char* user : {"alice:secret", "alice", "<your-username>:<your-password>", "Token:x"}) {
    INFO(user);
    Result<RequestPlan> plan = planner.plan("/api/x", with_user(user));
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().exit_code == 100);
    CHECK(plan.error().hint.find("personal access token") != std::string::npos);
  }
  CHECK(planner.plan("https://alice:pw@ws.cloud.databricks.com/api/x").error().exit_code == 100);
  CHECK(planner.plan("https://token:dapi-x@ws.cloud.databricks.com/api/x")->auth == AuthMode::kUserSupplied);
}

TEST_CASE("username/password in the configuration is refused, basic auth_type too") {
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"DATABRICKS_PASSWORD", "pw"}, {"DATABRICKS_USERNAME", "alice"}, {"DATABRICKS_AUTH_TYPE", "basic"}}) {
    INFO(name);
    Planner planner;
    planner.home.env.set(name, value);
    Result<RequestPlan> plan = planner.plan("/api/x");
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().exit_code == 100);
  }
}

TEST_CASE("an auth_type dbcurl cannot do yet is a clear error") {
  Planner planner;
  planner.home.env.set("DATABRICKS_AUTH_TYPE", "azure-msi");
  Result<RequestPlan> plan = planner.plan("/api/x");
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.error().exit_code == 106);
  CHECK(plan.error().message.find("azure-msi") != std::string::npos);
}

TEST_CASE("-n: a 'login token' entry is sent by libcurl; another login is refused; none falls back") {
  Planner planner;
  TransferConfig netrc;
  netrc.netrc = true;
  netrc.netrc_file = planner.home.write("n1", "machine ws.cloud.databricks.com login token password dapi-n\n");
  Result<RequestPlan> entry = planner.plan("/api/x", netrc);
  REQUIRE(entry.ok());
  REQUIRE(entry->auth == AuthMode::kNetrc);
  CHECK(entry->netrc_password->view() == "dapi-n");  // handed to libcurl for this host alone

  netrc.netrc_file = planner.home.write("n0", "default login token password dapi-default\n");
  Result<RequestPlan> by_default = planner.plan("/api/x", netrc);
  REQUIRE(by_default.ok());
  REQUIRE(by_default->netrc_password.has_value());
  CHECK(by_default->netrc_password->view() == "dapi-default");

  // libcurl looks an IPv6 host up without brackets, in its normal form: "[::1]" is no match.
  planner.home.env.set("DATABRICKS_HOST", "https://[0:0::1]:8443");
  netrc.netrc_file =
      planner.home.write("n6", "machine [::1] login alice password pw\nmachine ::1 login token password dapi-six\n");
  Result<RequestPlan> ipv6 = planner.plan("/api/x", netrc);
  REQUIRE(ipv6.ok());
  REQUIRE(ipv6->netrc_password.has_value());
  CHECK(ipv6->netrc_password->view() == "dapi-six");
  planner.home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");

  netrc.netrc_file = planner.home.write("n2", "machine ws.cloud.databricks.com login alice password pw\n");
  CHECK(planner.plan("/api/x", netrc).error().exit_code == 100);

  netrc.netrc_file = planner.home.write("n3", "machine elsewhere login alice password pw\n");
  Result<RequestPlan> fallback = planner.plan("/api/x", netrc);
  CHECK(fallback->auth == AuthMode::kBearer);
}

TEST_CASE("a token goes over plain http only to loopback") {
  Planner planner;
  planner.home.env.set("DATABRICKS_HOST", "http://ws.cloud.databricks.com");
  Result<RequestPlan> refused = planner.plan("/api/x");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().exit_code == 104);

  planner.home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  CHECK(planner.plan("ws.cloud.databricks.com/api/x").error().exit_code == 104);  // curl guesses http://

  planner.home.env.set("DATABRICKS_HOST", "http://127.0.0.1:8080");
  CHECK(planner.plan("/api/x").ok());
}

TEST_CASE("path-only URL without a workspace, and a workspace without a token") {
  Planner planner;
  planner.home.env = MapEnvironment();
  planner.home.env.set("HOME", planner.home.path(""));
  CHECK(planner.plan("/api/x").error().exit_code == 101);
  planner.home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  CHECK(planner.plan("/api/x").error().exit_code == 101);
  CHECK(planner.plan("https://example.com/").ok());  // plain requests never need credentials
}

TEST_CASE("a broken config file does not break plain requests: one warning says what it cannot tell") {
  Planner planner;
  planner.home.env = MapEnvironment();
  planner.home.env.set("HOME", planner.home.path(""));
  planner.home.write(".databrickscfg", "[DEFAULT]\nhost = https://ws.cloud.databricks.com\n[DEFAULT\n");
  CredentialResolver resolver(planner.home.io(planner.runner), std::nullopt, nullptr, planner.parser);
  const WarningSink warn = [&](std::string_view text) { planner.warnings.emplace_back(text); };
  Result<RequestPlan> plain = plan_request("https://ws.cloud.databricks.com/api/x", TransferConfig{}, resolver, warn);
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->workspace);
  CHECK(plan_request("https://example.com/", TransferConfig{}, resolver, warn).ok());
  REQUIRE(planner.warnings.size() == 1);  // once per run, not once per host
  CHECK(planner.warnings[0] == planner.home.path("") +
                                   "/.databrickscfg:3: no ']' closes the section name (write [NAME]); requests to "
                                   "the hosts it may name go out without Databricks credentials");
  CHECK(plan_request("/api/x", TransferConfig{}, resolver, warn).error().exit_code == 102);
}

TEST_CASE("a broken config file leaves the other sources: the environment, a netrc 'login token' entry") {
  Planner planner;  // DATABRICKS_HOST and DATABRICKS_TOKEN
  planner.home.write(".config/dbcurl/config.toml", "[profiles.p\n");
  Result<RequestPlan> plan = planner.plan("https://ws.cloud.databricks.com/api/x");
  REQUIRE(plan.ok());
  CHECK(plan->workspace);
  CHECK(plan->bearer->view() == "dapi-resolved-token");
  REQUIRE(planner.warnings.size() == 1);
  CHECK(planner.warnings[0].starts_with(dbcurl_config_path(planner.home.env) + ":1:12: "));
  CHECK(planner.plan("/api/x").error().exit_code == 102);  // a path-only URL needs every file

  Planner netrc;
  netrc.home.env = MapEnvironment();
  netrc.home.env.set("HOME", netrc.home.path(""));
  netrc.home.write(".databrickscfg", "[DEFAULT]\nbroken\n");
  netrc.home.write(".netrc", "machine ws.cloud.databricks.com login token password dapi-netrc-token\n");
  Result<RequestPlan> from_netrc = netrc.plan("https://ws.cloud.databricks.com/api/x");
  REQUIRE(from_netrc.ok());
  CHECK(from_netrc->workspace);
  CHECK(from_netrc->bearer->view() == "dapi-netrc-token");
  REQUIRE(netrc.warnings.size() == 1);
  CHECK(netrc.warnings[0].starts_with(netrc.home.path("") + "/.databrickscfg:2: no '='"));
}

TEST_CASE("a named profile that does not exist is the run's error, also for full URLs to any host") {
  Planner planner;
  planner.home.write(".databrickscfg", "[DEFAULT]\nhost = https://ws.cloud.databricks.com\ntoken = dapi-x\n");
  for (const char* url : {"/api/x", "https://ws.cloud.databricks.com/api/x", "https://example.com/"}) {
    INFO(url);
    CredentialResolver resolver(planner.home.io(planner.runner), std::string("nosuch"), nullptr, planner.parser);
    Result<RequestPlan> plan = plan_request(url, TransferConfig{}, resolver, {});
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().exit_code == 102);
    CHECK(plan.error().message == planner.home.path(".databrickscfg") + " has no nosuch profile configured");
  }
}

TEST_CASE("a broken config file with a named profile is the run's error, also for full URLs") {
  Planner planner;
  planner.home.env = MapEnvironment();
  planner.home.env.set("HOME", planner.home.path(""));
  planner.home.write(".databrickscfg", "[DEFAULT]\nhost = https://ws.cloud.databricks.com\ntoken = dapi-x\nbroken\n");
  const WarningSink warn = [&](std::string_view text) { planner.warnings.emplace_back(text); };
  const std::string expected = planner.home.path("") + "/.databrickscfg:4: no '=' after the key (write key = value)";
  for (const char* url : {"https://ws.cloud.databricks.com/api/x", "https://example.com/"}) {
    INFO(url);
    CredentialResolver flagged(planner.home.io(planner.runner), std::string("DEFAULT"), nullptr, planner.parser);
    Result<RequestPlan> by_flag = plan_request(url, TransferConfig{}, flagged, warn);
    REQUIRE_FALSE(by_flag.ok());
    CHECK(by_flag.error().exit_code == 102);
    CHECK(by_flag.error().message == expected);
  }
  planner.home.env.set("DATABRICKS_CONFIG_PROFILE", "DEFAULT");
  CredentialResolver by_variable(planner.home.io(planner.runner), std::nullopt, nullptr, planner.parser);
  Result<RequestPlan> plan = plan_request("https://example.com/", TransferConfig{}, by_variable, warn);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.error().message == expected);
  CHECK(planner.warnings.empty());
}

TEST_CASE("a PAT sent to an account host draws a warning") {
  Planner planner;
  planner.home.env.set("DATABRICKS_HOST", "https://accounts.cloud.databricks.com");
  REQUIRE(planner.plan("/api/2.0/accounts/x").ok());
  REQUIRE_FALSE(planner.warnings.empty());
  CHECK(planner.warnings.back().find("account host") != std::string::npos);
}

TEST_CASE("the host picks its profile (rule 4), never the environment's token") {
  Planner planner;
  planner.home.write(".databrickscfg",
                     "[DEFAULT]\nhost = https://ws.cloud.databricks.com\n\n"
                     "[other]\nhost = https://other.cloud.databricks.com\ntoken = dapi-other-token\n");
  planner.home.env.set("DATABRICKS_CONFIG_PROFILE", "DEFAULT");
  Result<RequestPlan> plan = planner.plan("https://other.cloud.databricks.com/api/2.0/x");
  REQUIRE(plan.ok());
  CHECK(plan->workspace);
  CHECK(plan->bearer->view() == "dapi-other-token");

  // A profile naming the host but without a token: the environment's token is not lent to it.
  // (DEFAULT stays: DATABRICKS_CONFIG_PROFILE names it, and a named profile that is missing stops every request.)
  planner.home.write(
      ".databrickscfg",
      "[DEFAULT]\nhost = https://ws.cloud.databricks.com\n\n[bare]\nhost = https://bare.cloud.databricks.com\n");
  Result<RequestPlan> bare = planner.plan("https://bare.cloud.databricks.com/api/2.0/x");
  REQUIRE_FALSE(bare.ok());
  CHECK(bare.error().exit_code == 101);
}

TEST_CASE("two profiles naming the host: an error listing them, unless one is the resolved profile") {
  Planner planner;
  planner.home.env = MapEnvironment();
  planner.home.env.set("HOME", planner.home.path(""));
  planner.home.write(".databrickscfg",
                     "[a]\nhost = https://shared.cloud.databricks.com\ntoken = dapi-a-token\n"
                     "[b]\nhost = https://shared.cloud.databricks.com\ntoken = dapi-b-token\n");
  Result<RequestPlan> ambiguous = planner.plan("https://shared.cloud.databricks.com/api/x");
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.error().exit_code == 105);
  CHECK(ambiguous.error().message.find("a, b") != std::string::npos);

  planner.home.env.set("DATABRICKS_CONFIG_PROFILE", "b");
  planner.home.env.set("DATABRICKS_HOST", "https://elsewhere.cloud.databricks.com");
  Result<RequestPlan> resolved = planner.plan("https://shared.cloud.databricks.com/api/x");
  REQUIRE(resolved.ok());
  CHECK(resolved->bearer->view() == "dapi-b-token");
}

TEST_CASE("a netrc 'login token' entry or a config.toml host makes a host a workspace") {
  Planner planner;
  planner.home.write(".netrc",
                     "machine netrc.cloud.databricks.com login token password dapi-netrc-token\n"
                     "machine github.example login alice password pw\n");
  Result<RequestPlan> netrc = planner.plan("https://netrc.cloud.databricks.com/api/x");
  REQUIRE(netrc.ok());
  CHECK(netrc->bearer->view() == "dapi-netrc-token");
  CHECK_FALSE(planner.plan("https://github.example/")->workspace);  // other logins: plain curl

  planner.home.write(".config/dbcurl/config.toml",
                     "[hosts.\"tool.cloud.databricks.com\"]\ntoken_command = [\"pass\", \"show\", \"databricks\"]\n");
  planner.home.env.set("XDG_CONFIG_HOME", planner.home.path(".config"));
  planner.runner.answer("dapi-from-pass\n");
  Result<RequestPlan> tool = planner.plan("https://tool.cloud.databricks.com/api/x");
  REQUIRE(tool.ok());
  CHECK(tool->bearer->view() == "dapi-from-pass");
  CHECK(planner.runner.commands.back() == std::vector<std::string>{"pass", "show", "databricks"});
}

TEST_CASE("auth_type pat and databricks-cli are accepted") {
  for (const char* type : {"pat", "databricks-cli"}) {
    INFO(type);
    Planner planner;
    planner.home.env.set("DATABRICKS_AUTH_TYPE", type);
    Result<RequestPlan> plan = planner.plan("/api/x");
    REQUIRE(plan.ok());
    CHECK(plan->bearer->view() == "dapi-resolved-token");
  }
}

TEST_CASE("a header with a line break is refused on workspace requests only") {
  Planner planner;
  TransferConfig transfer;
  transfer.headers = {"X-A: a\r\nAuthorization: Bearer smuggled"};
  Result<RequestPlan> refused = planner.plan("/api/x", transfer);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().exit_code == 107);
  CHECK(refused.error().message.find("smuggled") == std::string::npos);
  CHECK(planner.plan("https://example.com/", transfer).ok());  // plain curl sends it as given
}

TEST_CASE("<databricks-instance> in the path is not a placeholder host") {
  Planner planner;
  Result<RequestPlan> plan = planner.plan("https://example.com/<databricks-instance>/x");
  REQUIRE(plan.ok());
  CHECK_FALSE(plan->workspace);
  CHECK(plan->url == "https://example.com/<databricks-instance>/x");
}

namespace {

// One way to give a workspace request a password (docs/SECURITY.md).
struct PasswordSource {
  const char* name;
  void (*apply)(Planner&, TransferConfig&, std::string& url);
};

const PasswordSource kPasswordSources[] = {
    {"-u user:password", [](Planner&, TransferConfig& t, std::string&) { t.user.emplace("alice:secret"); }},
    {"-u user (prompt)", [](Planner&, TransferConfig& t, std::string&) { t.user.emplace("alice"); }},
    {"URL credentials",
     [](Planner&, TransferConfig&, std::string& url) { url = "https://alice:secret@ws.cloud.databricks.com/api/x"; }},
    {"netrc machine",
     [](Planner& p, TransferConfig& t, std::string&) {
       t.netrc = true;
       t.netrc_file = p.home.write("pw-netrc", "machine ws.cloud.databricks.com login alice password secret\n");
     }},
    {"netrc default",
     [](Planner& p, TransferConfig& t, std::string&) {
       t.netrc_optional = true;
       t.netrc_file = p.home.write("pw-netrc", "default login alice password secret\n");
     }},
    {"DATABRICKS_PASSWORD",
     [](Planner& p, TransferConfig&, std::string&) { p.home.env.set("DATABRICKS_PASSWORD", "s"); }},
    {"DATABRICKS_USERNAME",
     [](Planner& p, TransferConfig&, std::string&) { p.home.env.set("DATABRICKS_USERNAME", "a"); }},
};

// What else the command line says: none of it may let the password through.
struct Companion {
  const char* name;
  void (*apply)(TransferConfig&);
};

const Companion kCompanions[] = {
    {"nothing else", [](TransferConfig&) {}},
    {"--basic", [](TransferConfig& t) { t.auth_methods = CurlAuth::kBasic; }},
    {"--digest", [](TransferConfig& t) { t.auth_methods = CurlAuth::kDigest; }},
    {"--ntlm", [](TransferConfig& t) { t.auth_methods = CurlAuth::kNtlm; }},
    {"--negotiate", [](TransferConfig& t) { t.auth_methods = CurlAuth::kNegotiate; }},
    {"--anyauth", [](TransferConfig& t) { t.auth_methods = CurlAuth::kAny; }},
    {"own Authorization", [](TransferConfig& t) { t.headers = {"Authorization: Bearer dapi-own"}; }},
    {"own Authorization and --digest",
     [](TransferConfig& t) {
       t.headers = {"Authorization: Bearer dapi-own"};
       t.auth_methods = CurlAuth::kDigest;
     }},
    {"placeholder Authorization",
     [](TransferConfig& t) { t.headers = {"Authorization: Bearer <personal-access-token>"}; }},
    {"--oauth2-bearer and --anyauth",
     [](TransferConfig& t) {
       t.oauth2_bearer.emplace("dapi-own");
       t.auth_methods = CurlAuth::kAny;
     }},
    {"--location-trusted", [](TransferConfig& t) { t.location_trusted = true; }},
};

}  // namespace

TEST_CASE("a password is refused with every other option a command line can add") {
  for (const PasswordSource& source : kPasswordSources) {
    for (const Companion& companion : kCompanions) {
      INFO(source.name << " with " << companion.name);
      Planner planner;
      TransferConfig transfer;
      std::string url = "/api/x";
      source.apply(planner, transfer, url);
      companion.apply(transfer);
      Result<RequestPlan> plan = planner.plan(url, transfer);
      REQUIRE_FALSE(plan.ok());
      CHECK(plan.error().exit_code == 100);
      CHECK(plan.error().message.find("refusing to send a password") != std::string::npos);
    }
  }
}

TEST_CASE("proxy credentials go to the proxy: not a workspace password") {
  Planner planner;
  TransferConfig transfer;
  transfer.proxy = "http://proxy.example:3128";
  transfer.proxy_user.emplace("alice:secret");
  transfer.proxy_auth_methods = CurlAuth::kDigest;
  transfer.headers = {"Authorization: Bearer dapi-own"};
  Result<RequestPlan> plan = planner.plan("/api/x", transfer);
  REQUIRE(plan.ok());
  CHECK(plan->auth == AuthMode::kUserSupplied);
}

namespace {
// netrc's quoted-string escapes for CR, LF and tab, which a line cannot hold as they are.
std::string netrc_quoted(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\r' ? "\\r" : c == '\n' ? "\\n" : c == '\t' ? "\\t" : std::string(1, c);
  return out;
}
}  // namespace

TEST_CASE("a token with a control character is refused from every source, naming it") {
  for (const std::string bad : {"dapi-a\r\nX-Injected: 1", "dapi-a\nb", "dapi-a\x01b", "dapi-a\x7f", "dapi\tb"}) {
    struct Source {
      const char* name;
      std::string named;  // what the error names
      std::function<void(Planner&, TransferConfig&)> apply;
    };
    const std::vector<Source> sources = {
        {"DATABRICKS_TOKEN", "DATABRICKS_TOKEN",
         [&](Planner& p, TransferConfig&) { p.home.env.set("DATABRICKS_TOKEN", bad); }},
        {"profile", ".databrickscfg",
         [&](Planner& p, TransferConfig&) {
           p.home.env = MapEnvironment();
           p.home.env.set("HOME", p.home.path(""));
           // A line of the file can hold a CR but no LF.
           std::string in_file = bad;
           std::replace(in_file.begin(), in_file.end(), '\n', '\r');
           p.home.write(".databrickscfg",
                        "[DEFAULT]\nhost = https://ws.cloud.databricks.com\ntoken = " + in_file + "\n");
         }},
        {"databricks auth token JSON", "databricks",
         [&](Planner& p, TransferConfig&) {
           p.home.env = MapEnvironment();
           p.home.env.set("HOME", p.home.path(""));
           p.home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
           p.home.env.set("DATABRICKS_AUTH_TYPE", "databricks-cli");
           p.home.env.set("DATABRICKS_CLI_PATH", "/opt/databricks");
           std::string escaped;
           for (char c : bad) {
             char buffer[8];
             std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
             escaped += buffer;
           }
           p.runner.answer("{\"access_token\": \"" + escaped + "\"}");
         }},
        {"netrc without -n", ".netrc",
         [&](Planner& p, TransferConfig&) {
           p.home.env = MapEnvironment();
           p.home.env.set("HOME", p.home.path(""));
           p.home.write(".netrc",
                        "machine ws.cloud.databricks.com login token password \"" + netrc_quoted(bad) + "\"\n");
           p.home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
         }},
        {"netrc with -n", "netrc",
         [&](Planner& p, TransferConfig& t) {
           t.netrc = true;
           t.netrc_file = p.home.write("n", "default login token password \"" + netrc_quoted(bad) + "\"\n");
         }},
        {"-u token:", "-u", [&](Planner&, TransferConfig& t) { t.user.emplace("token:" + bad); }},
        {"--oauth2-bearer", "--oauth2-bearer", [&](Planner&, TransferConfig& t) { t.oauth2_bearer.emplace(bad); }},
        {"own Authorization", "-H", [&](Planner&, TransferConfig& t) { t.headers = {"Authorization: Bearer " + bad}; }},
    };
    for (const Source& source : sources) {
      INFO(source.name);
      Planner planner;
      TransferConfig transfer;
      source.apply(planner, transfer);
      Result<RequestPlan> plan = planner.plan("/api/x", transfer);
      REQUIRE_FALSE(plan.ok());
      CHECK(plan.error().exit_code == 107);
      const std::string& message = plan.error().message;
      // A line break in any header is refused before the header is read as a token.
      const bool header_line_break = source.named == "-H" && bad.find_first_of("\r\n") != std::string::npos;
      CHECK(message.find(header_line_break ? "line break" : "control character") != std::string::npos);
      CHECK(plan.error().message.find(source.named) != std::string::npos);
      CHECK(plan.error().message.find("dapi") == std::string::npos);
    }
  }
}

TEST_CASE("a URL's token is checked as libcurl sends it, %XX decoded") {
  Planner planner;
  Result<RequestPlan> encoded = planner.plan("https://token:dapi-a%0D%0aX-Injected:%201@ws.cloud.databricks.com/api/x");
  REQUIRE_FALSE(encoded.ok());
  CHECK(encoded.error().exit_code == 107);
  CHECK(encoded.error().message.find("credentials in the URL") != std::string::npos);
  CHECK(planner.plan("https://token:dapi-a%2Fb%zz@ws.cloud.databricks.com/api/x").ok());
}

TEST_CASE("a token over http:// is planned direct, or refused when libcurl would proxy it") {
  Planner planner;
  planner.home.env.set("DATABRICKS_HOST", "http://127.0.0.1:8080");
  Result<RequestPlan> direct = planner.plan("/api/x");
  REQUIRE(direct.ok());
  CHECK(direct->direct_only);

  planner.home.env.set("http_proxy", "http://proxy.example:3128");
  planner.home.env.set("no_proxy", "0.0.1");  // a suffix: no exemption for an IP address
  Result<RequestPlan> proxied = planner.plan("/api/x");
  REQUIRE_FALSE(proxied.ok());
  CHECK(proxied.error().exit_code == 104);
  CHECK(proxied.error().message.find("http://") != std::string::npos);
  CHECK(proxied.error().hint.find("https://") != std::string::npos);

  planner.home.env.set("no_proxy", "localhost 127.0.0.0/8");
  CHECK(planner.plan("/api/x")->direct_only);

  planner.home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  Result<RequestPlan> tls = planner.plan("/api/x");  // inside TLS a proxy sees no token: libcurl decides
  REQUIRE(tls.ok());
  CHECK_FALSE(tls->direct_only);
}

TEST_CASE("the URL parser's reading decides, not the URL's text") {
  Planner planner;
  // As libcurl reads "https://alias:0443/": the workspace's host and port.
  planner.parser = [](std::string_view url, const std::optional<std::string>& default_protocol) {
    if (url.find("alias") == std::string_view::npos) return parse_url_text(url, default_protocol);
    return parse_url_text("https://WS.cloud.databricks.com.:443/x", default_protocol);
  };
  Result<RequestPlan> token = planner.plan("https://alias:0443/x");
  REQUIRE(token.ok());
  CHECK(token->workspace);
  CHECK(token->url == "https://alias:0443/x");  // libcurl gets the URL as given
  CHECK(token->auth == AuthMode::kBearer);
  Result<RequestPlan> password = planner.plan("https://alias:0443/x", with_user("alice:secret"));
  REQUIRE_FALSE(password.ok());
  CHECK(password.error().exit_code == exit_code::kPasswordRefused);
}

TEST_CASE("a URL the parser rejects gets nothing") {
  Planner planner;
  planner.parser = [](std::string_view, const std::optional<std::string>&) -> Result<UrlParts> {
    return make_error(exit_code::kUrlMalformat, "Bad hostname");
  };
  Result<RequestPlan> plan = planner.plan("https://ws.cloud.databricks.com/x", with_user("alice:secret"));
  REQUIRE(plan.ok());
  CHECK_FALSE(plan->workspace);
  CHECK(plan->auth == AuthMode::kNone);
  CHECK_FALSE(plan->bearer.has_value());
}

TEST_CASE("the scheme is the parser's, --proto-default included, for every rule") {
  Planner planner;
  TransferConfig transfer;
  transfer.default_protocol = "https";
  // Scheme-less: https:// by --proto-default, so neither another scheme nor plain http.
  Result<RequestPlan> plan = planner.plan("ws.cloud.databricks.com/api/x", transfer);
  REQUIRE(plan.ok());
  CHECK(plan->auth == AuthMode::kBearer);
  transfer.default_protocol = "ftp";
  Result<RequestPlan> ftp = planner.plan("ws.cloud.databricks.com:443/api/x", transfer);
  REQUIRE_FALSE(ftp.ok());
  CHECK(ftp.error().message.find("over ftp://") != std::string::npos);
}

TEST_CASE("a path is the workspace's only where libcurl rejects it, as curl then fails on it") {
  Planner planner;
  planner.parser = parse_url_as_libcurl;
  Result<RequestPlan> api = planner.plan("/api/2.0/clusters/list");
  REQUIRE(api.ok());
  CHECK(api->workspace);
  CHECK(api->bearer.has_value());
  CHECK(api->url == "https://ws.cloud.databricks.com/api/2.0/clusters/list");
  TransferConfig transfer;
  // --proto-default file: a local file (curl test 1146).
  transfer.default_protocol = "file";
  Result<RequestPlan> file = planner.plan("/tmp/notes.txt", transfer);
  REQUIRE(file.ok());
  CHECK_FALSE(file->workspace);
  CHECK_FALSE(file->bearer.has_value());
  CHECK(file->url == "/tmp/notes.txt");
  // --proto-default https: libcurl reads https:///api/... as the host "api", as curl does.
  transfer.default_protocol = "https";
  Result<RequestPlan> host = planner.plan("/api/2.0/clusters/list", transfer);
  REQUIRE(host.ok());
  CHECK_FALSE(host->workspace);
  CHECK_FALSE(host->bearer.has_value());
}
