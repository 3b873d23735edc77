#include <catch2/catch.hpp>

#include "common/redact.hpp"
#include "common/secret.hpp"

using namespace dbcurl;

TEST_CASE("PAT shapes are redacted anywhere") {
  CHECK(redact_text("token dapi0123456789abcdef0123456789abcdef here") == "token dapi\u2026(redacted) here");
  CHECK(redact_text("dapi0123456789abcdef0123456789abcdef-2") == "dapi\u2026(redacted)");
  CHECK(redact_text("dapi0123456789abcdef") == "dapi0123456789abcdef");  // too short: not a PAT
}

TEST_CASE("registered secrets are redacted wherever they appear") {
  register_secret("eyJhbGciOiJSUzI1NiJ9.payload.signature");
  CHECK(redact_text("got eyJhbGciOiJSUzI1NiJ9.payload.signature twice: eyJhbGciOiJSUzI1NiJ9.payload.signature") ==
        "got eyJh\u2026(redacted) twice: eyJh\u2026(redacted)");
  register_secret("short");  // too short to register: would blank ordinary words
  CHECK(redact_text("a short text") == "a short text");
}

TEST_CASE("trace redaction covers every Authorization-type header value") {
  const std::string sent =
      "GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer some-opaque-token-value\r\n"
      "proxy-authorization: Basic dXNlcjpwYXNzd29yZA==\r\nAccept: */*\r\n\r\n";
  const std::string shown = redact_trace(sent);
  CHECK(shown.find("some-opaque-token-value") == std::string::npos);
  CHECK(shown.find("dXNlcjpwYXNzd29yZA==") == std::string::npos);
  CHECK(shown.find("Authorization: Bearer some\u2026(redacted)\r\n") != std::string::npos);
  CHECK(shown.find("proxy-authorization: Basic dXNl\u2026(redacted)\r\n") != std::string::npos);
  CHECK(shown.find("Accept: */*\r\n") != std::string::npos);
}

TEST_CASE("SecretString wipes and moves") {
  SecretString a("dapi-secret");
  SecretString b = std::move(a);
  CHECK(a.empty());  // NOLINT: moved-from state is specified
  CHECK(b.view() == "dapi-secret");
  CHECK(std::string(b.c_str()) == "dapi-secret");
  SecretString c = b.clone();
  CHECK(c.view() == b.view());
  std::string text = "dapi-in-a-string";
  wipe_string(text);
  CHECK(text.empty());
}
