#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include <algorithm>

#include "common/redact.hpp"
#include "common/secret.hpp"

using namespace dbcurl;

TEST_CASE("PAT shapes are redacted anywhere") {
  SecretRegistry secrets;
  CHECK(secrets.redact_text("token dapi0123456789abcdef0123456789abcdef here") == "token dapi\u2026(redacted) here");
  CHECK(secrets.redact_text("dapi0123456789abcdef0123456789abcdef-2") == "dapi\u2026(redacted)");
  CHECK(secrets.redact_text("dapi0123456789abcdef") == "dapi0123456789abcdef");  // too short: not a PAT
}

TEST_CASE("each run's registry redacts its own secrets only") {
  SecretRegistry secrets;
  SecretRegistry other;
  secrets.add("eyJhbGciOiJSUzI1NiJ9.payload.signature");
  CHECK(other.redact_text("eyJhbGciOiJSUzI1NiJ9.payload.signature") == "eyJhbGciOiJSUzI1NiJ9.payload.signature");
  CHECK(secrets.redact_text("eyJhbGciOiJSUzI1NiJ9.payload.signature") == "eyJh\u2026(redacted)");
}

TEST_CASE("registered secrets are redacted wherever they appear") {
  SecretRegistry secrets;
  secrets.add("eyJhbGciOiJSUzI1NiJ9.payload.signature");
  CHECK(
      secrets.redact_text("got eyJhbGciOiJSUzI1NiJ9.payload.signature twice: eyJhbGciOiJSUzI1NiJ9.payload.signature") ==
      "got eyJh\u2026(redacted) twice: eyJh\u2026(redacted)");
  secrets.add("short");  // too short to register: would blank ordinary words
  CHECK(secrets.redact_text("a short text") == "a short text");
}

TEST_CASE("a registered secret is redacted also form- and URL-encoded, as a token endpoint may echo it") {
  SecretRegistry secrets;
  secrets.add("s3cr3t+/=PQ x~9");
  CHECK(secrets.redact_text("form=s3cr3t%2B%2F%3DPQ+x~9").find("s3cr3t%2B") == std::string::npos);
  CHECK(secrets.redact_text("url=s3cr3t%2B%2F%3DPQ%20x~9").find("s3cr3t%2B") == std::string::npos);
}

TEST_CASE("trace redaction covers every Authorization-type header value") {
  SecretRegistry secrets;
  const std::string sent =
      "GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer some-opaque-token-value\r\n"
      "proxy-authorization: Basic dXNlcjpwYXNzd29yZA==\r\nAccept: */*\r\n\r\n";
  const std::string shown = secrets.redact_trace(sent);
  CHECK(shown.find("some-opaque-token-value") == std::string::npos);
  CHECK(shown.find("dXNlcjpwYXNzd29yZA==") == std::string::npos);
  CHECK(shown.find("Authorization: Bearer some\u2026(redacted)\r\n") != std::string::npos);
  CHECK(shown.find("proxy-authorization: Basic dXNl\u2026(redacted)\r\n") != std::string::npos);
  CHECK(shown.find("Accept: */*\r\n") != std::string::npos);
}

TEST_CASE("trace redaction covers every scheme and every spelling libcurl prints") {
  SecretRegistry secrets;
  const std::vector<std::pair<std::string, std::string>> cases = {
      // HTTP/2 informational lines (libcurl 7.88's h2h3)
      {"h2h3 [authorization: Basic dG9rZW46c2VjcmV0LXZhbHVl]\n", "h2h3 [authorization: Basic dG9r\u2026(redacted)]\n"},
      {"h2h3 [proxy-authorization: Bearer opaque-token-value]\n",
       "h2h3 [proxy-authorization: Bearer opaq\u2026(redacted)]\n"},
      // later libcurls' HTTP/2 and HTTP/3 spellings
      {"[HTTP/2] [1] [authorization: Bearer opaque-token-value]\n",
       "[HTTP/2] [1] [authorization: Bearer opaq\u2026(redacted)]\n"},
      {"h3 [authorization: Bearer opaque-token-value]\n", "h3 [authorization: Bearer opaq\u2026(redacted)]\n"},
      // any case, blanks or none around the colon
      {"AUTHORIZATION:Bearer opaque-token-value\r\n", "AUTHORIZATION:Bearer opaq\u2026(redacted)\r\n"},
      {"authorization : NTLM TlRMTVNTUAABAAAAB4IIog==\r\n", "authorization : NTLM TlRM\u2026(redacted)\r\n"},
      // every scheme, and none
      {"Authorization: Negotiate YIIJvwYGKwYBBQUCoIIJszCCCa+gMDAu\r\n",
       "Authorization: Negotiate YIIJ\u2026(redacted)\r\n"},
      {"Authorization: Digest username=\"token\", response=\"6629fae49393a05397450978507c4ef1\"\r\n",
       "Authorization: Digest user\u2026(redacted)\r\n"},
      {"Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830, Signature=5d672d79c15b13162d9279b0\r\n",
       "Authorization: AWS4-HMAC-SHA256 Cred\u2026(redacted)\r\n"},
      {"Authorization: some-opaque-value-without-scheme\r\n", "Authorization: some\u2026(redacted)\r\n"},
      {"Authorization: short\r\n", "Authorization: (redacted)\r\n"},
      // a header emptied with -H "Authorization:" stays as it is
      {"Authorization:\r\n", "Authorization:\r\n"},
      // the word alone is not a header
      {"* Server auth using Basic with user 'token'\n", "* Server auth using Basic with user 'token'\n"},
  };
  for (const auto& [line, shown] : cases) {
    INFO(line);
    CHECK(secrets.redact_trace(line) == shown);
    RedactingStream stream(secrets);
    std::string streamed = stream.write(line);
    streamed += stream.finish();
    CHECK(streamed == shown);
  }
}

namespace {

// Whether text holds any three consecutive characters of secret: what a
// token cut in two would leave in sight.
bool shows_part_of(std::string_view text, std::string_view secret) {
  for (std::size_t pos = 0; pos + 3 <= secret.size(); ++pos) {
    if (text.find(secret.substr(pos, 3)) != std::string_view::npos) return true;
  }
  return false;
}

// A request header block larger than one libcurl buffer: the URL makes it long.
std::string header_block(const std::string& authorization) {
  return "GET /api/2.0/clusters/list?q=" + std::string(300, 'x') + " HTTP/1.1\r\nHost: 127.0.0.1:8443\r\n" +
         authorization + "\r\nUser-Agent: dbcurl/1.0\r\nAccept: */*\r\n\r\n";
}

}  // namespace

TEST_CASE("a header block cut at any byte is redacted as a whole") {
  SecretRegistry secrets;
  // The tokens' characters (after the four shown) appear nowhere else in the block.
  const std::vector<std::pair<std::string, std::string>> tokens = {
      {"Authorization: Bearer opaque-5ca1ab1e-ZQWK-5ca1ab1e", "que-5ca1ab1e-ZQWK-5ca1ab1e"},
      {"Authorization: Basic dG9rZW46ZGFwaTVjYTFhYjFlNWNhMWFiMWU1Y2ExYWIxZTVjYTFhYjFl",
       "ZW46ZGFwaTVjYTFhYjFlNWNhMWFiMWU1Y2ExYWIxZTVjYTFhYjFl"},
      {"X-Echo: dapi5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e-3", "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e"},
  };
  for (const auto& [header, secret] : tokens) {
    const std::string block = header_block(header);
    for (std::size_t cut = 0; cut <= block.size(); ++cut) {
      INFO(header << " cut at " << cut);
      const std::string_view first = std::string_view(block).substr(0, cut);
      const std::string_view second = std::string_view(block).substr(cut);
      {
        RedactingStream stream(secrets);
        std::string shown = stream.write(first);  // one statement each: + leaves the order open
        shown += stream.write(second);
        shown += stream.finish();
        CHECK_FALSE(shows_part_of(shown, secret));
        CHECK(shown == secrets.redact_trace(block));
      }
      {
        // Other output comes between the pieces (libcurl's info text).
        RedactingStream stream(secrets);
        std::string shown = stream.write(first);
        shown += stream.pause();
        shown += stream.write(second);
        shown += stream.finish();
        CHECK_FALSE(shows_part_of(shown, secret));
        CHECK(shown.find("Accept: */*\r\n") != std::string::npos);
      }
    }
  }
}

TEST_CASE("an overlong line is let out in bounded parts, still redacted") {
  SecretRegistry secrets;
  const std::string secret = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
  for (std::size_t before :
       {RedactingStream::kMaxHeldLine - 20, RedactingStream::kMaxHeldLine - 3, RedactingStream::kMaxHeldLine + 5}) {
    INFO("token at " << before);
    const std::string line = std::string(before, 'x') + " dapi" + secret + " Authorization: Bearer " +
                             std::string(2 * RedactingStream::kMaxHeldLine, 'y') + "\n";
    RedactingStream stream(secrets);
    std::string shown;
    for (std::size_t pos = 0; pos < line.size(); pos += 1000) shown += stream.write(line.substr(pos, 1000));
    shown += stream.finish();
    CHECK_FALSE(shows_part_of(shown, secret));
    CHECK(shown.find(std::string(10, 'y')) == std::string::npos);  // the value's rest, dropped
    CHECK(shown.find("dapi\u2026(redacted) Authorization: Bearer yyyy\u2026(redacted)\n") != std::string::npos);
    CHECK(shown.back() == '\n');
  }
}

TEST_CASE("a stream that ends inside a token does not show its start") {
  SecretRegistry secrets;
  RedactingStream stream(secrets);
  CHECK(stream.write("} body dapi5ca1ab1e5ca1ab1e5ca1") == "");
  CHECK(stream.finish() == "} body dapi\u2026(redacted)");
}

TEST_CASE("short secrets that are common words keep messages readable") {
  SecretRegistry secrets;
  secrets.add("password");
  CHECK(secrets.redact_text("refusing to send a password (username/password from ~/.databrickscfg [DEFAULT])") ==
        "refusing to send a password (username/password from ~/.databrickscfg [DEFAULT])");
  // Where it stands as a value, it is still replaced.
  CHECK(secrets.redact_text("https://me:password@host/ and password=password;") ==
        "https://me:(redacted)@host/ and password=(redacted);");
  CHECK(secrets.redact_trace("Cookie: session=password\r\n") == "Cookie: session=(redacted)\r\n");
}

TEST_CASE("SecretString wipes and moves") {
  SecretString a("dapi-secret");
  SecretString b = std::move(a);
  CHECK(a.empty());  // NOLINT: moved-from state is specified
  CHECK(b.view() == "dapi-secret");
  CHECK(std::string(b.c_str()) == "dapi-secret");
  SecretString c = b.clone();
  CHECK(c.view() == b.view());
  // Long enough for a heap buffer; the buffer is checked, not the string (clear() alone empties that).
  std::string text = "dapi-in-a-string-too-long-for-the-small-string-buffer";
  const char* buffer = text.data();
  const std::size_t size = text.size();
  wipe_string(text);
  CHECK(text.empty());
  REQUIRE(text.data() == buffer);  // wiped in place, not moved elsewhere first
  CHECK(std::all_of(buffer, buffer + size, [](char byte) { return byte == '\0'; }));
}
