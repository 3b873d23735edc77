#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "perform/trace.hpp"

using namespace dbcurl;

namespace {

// What a TraceWriter printed when given pieces of one kind, then the end.
std::string traced(TraceMode mode, const std::vector<std::pair<curl_infotype, std::string>>& pieces) {
  std::FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  {
    const SecretRegistry secrets;
    TraceWriter writer(secrets, mode, out, false, true);
    for (auto [type, piece] : pieces) TraceWriter::callback(nullptr, type, piece.data(), piece.size(), &writer);
    writer.finish();
  }
  std::string text(static_cast<std::size_t>(std::ftell(out)), '\0');
  std::rewind(out);
  REQUIRE(std::fread(text.data(), 1, text.size(), out) == text.size());
  std::fclose(out);
  return text;
}

// The bytes a --trace hex dump shows, read back from its hex columns.
std::string hex_dump_bytes(const std::string& dump) {
  std::string bytes;
  std::size_t line_start = 0;
  while (line_start < dump.size()) {
    const std::size_t line_end = std::min(dump.find('\n', line_start), dump.size());
    const std::string line = dump.substr(line_start, line_end - line_start);
    if (line.size() > 6 && line[4] == ':' && line[5] == ' ') {
      constexpr std::size_t kRowBytes = 16;
      for (std::size_t pos = 6; pos < 6 + 3 * kRowBytes && line[pos] != ' '; pos += 3) {
        bytes += static_cast<char>(std::stoi(line.substr(pos, 2), nullptr, 16));
      }
    }
    line_start = line_end + 1;
  }
  return bytes;
}

}  // namespace

TEST_CASE("--trace, --trace-ascii and -v never show a token cut between two callback calls") {
  const std::string secret = "que-5ca1ab1e-ZQWK-5ca1ab1e";
  const std::string block = "GET /x?" + std::string(100, 'x') + " HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer opa" +
                            secret + "\r\nAccept: */*\r\n\r\n";
  for (TraceMode mode : {TraceMode::kBinary, TraceMode::kAscii, TraceMode::kVerbose}) {
    for (std::size_t cut = 1; cut < block.size(); ++cut) {
      INFO("mode " << static_cast<int>(mode) << ", cut at " << cut);
      // Between the two pieces: encrypted bytes (not text) and a line of info text.
      const std::string shown = traced(mode, {{CURLINFO_HEADER_OUT, block.substr(0, cut)},
                                              {CURLINFO_SSL_DATA_OUT, "\x17\x03\x03"},
                                              {CURLINFO_TEXT, "info between\n"},
                                              {CURLINFO_HEADER_OUT, block.substr(cut)}});
      const std::string seen = mode == TraceMode::kBinary ? hex_dump_bytes(shown) : shown;
      for (std::size_t pos = 0; pos + 3 <= secret.size(); ++pos) {
        CHECK(seen.find(secret.substr(pos, 3)) == std::string::npos);
        CHECK(shown.find(secret.substr(pos, 3)) == std::string::npos);
      }
      if (cut <= block.find("Accept")) CHECK(seen.find("Accept: */*") != std::string::npos);
      CHECK(shown.find("info between") != std::string::npos);
    }
  }
}

TEST_CASE("a partial line is shown at the end of the transfer") {
  const std::string shown = traced(TraceMode::kVerbose, {{CURLINFO_HEADER_IN, "HTTP/1.1 200 OK\r\nX-Cut: no end"}});
  CHECK(shown == "< HTTP/1.1 200 OK\r\n< X-Cut: no end");
}

TEST_CASE("--trace-ascii shows bytes as curl 7.88 does: DEL and controls as dots") {
  const std::string shown = traced(TraceMode::kAscii, {{CURLINFO_DATA_IN, std::string("a\x7f\x1f~\xff", 5)}});
  CHECK(shown == "<= Recv data, 5 bytes (0x5)\n0000: a..~.\n");
}

TEST_CASE("body data is traced as it comes, before it reaches the output, as curl traces it") {
  std::FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  const SecretRegistry secrets;
  TraceWriter writer(secrets, TraceMode::kAscii, out, false, true);
  std::string body = R"({"a":1})";  // no final line break
  TraceWriter::callback(nullptr, CURLINFO_DATA_IN, body.data(), body.size(), &writer);
  std::string text(static_cast<std::size_t>(std::ftell(out)), '\0');
  std::rewind(out);
  REQUIRE(std::fread(text.data(), 1, text.size(), out) == text.size());
  CHECK(text == "<= Recv data, 7 bytes (0x7)\n0000: {\"a\":1}\n");
  writer.finish();
  std::fclose(out);
}

TEST_CASE("a token in body data cut between two callback calls is never shown") {
  const std::string hex = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
  const std::string body = R"({"token":"dapi)" + hex + R"("})";
  for (TraceMode mode : {TraceMode::kBinary, TraceMode::kAscii}) {
    for (std::size_t cut = 1; cut < body.size(); ++cut) {
      INFO("mode " << static_cast<int>(mode) << ", cut at " << cut);
      const std::string shown =
          traced(mode, {{CURLINFO_DATA_IN, body.substr(0, cut)}, {CURLINFO_DATA_IN, body.substr(cut)}});
      const std::string seen = mode == TraceMode::kBinary ? hex_dump_bytes(shown) : shown;
      for (std::size_t pos = 0; pos + 3 <= hex.size(); ++pos) {
        CHECK(seen.find(hex.substr(pos, 3)) == std::string::npos);
        CHECK(shown.find(hex.substr(pos, 3)) == std::string::npos);
      }
    }
  }
}
