#include <catch2/catch.hpp>

#include <clocale>
#include <cstdlib>
#include <string>

#include "common/strings.hpp"

using namespace dbcurl;

namespace {

// Every byte, classified by the C locale's rules written out by hand.
void check_ascii_classes() {
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    const bool upper = byte >= 'A' && byte <= 'Z';
    const bool lower = byte >= 'a' && byte <= 'z';
    const bool digit = byte >= '0' && byte <= '9';
    INFO("byte " << byte);
    CHECK(is_ascii_upper(c) == upper);
    CHECK(is_ascii_lower(c) == lower);
    CHECK(is_ascii_digit(c) == digit);
    CHECK(is_ascii_alpha(c) == (upper || lower));
    CHECK(is_ascii_alnum(c) == (upper || lower || digit));
    CHECK(is_ascii_xdigit(c) == (digit || (byte >= 'A' && byte <= 'F') || (byte >= 'a' && byte <= 'f')));
    CHECK(is_ascii_space(c) ==
          (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\v' || byte == '\f' || byte == '\r'));
    CHECK(ascii_lower(c) == (upper ? static_cast<char>(byte + 32) : c));
  }
  CHECK(to_lower("AUTHORIZATION: \xC9I") == "authorization: \xC9i");
  CHECK(iequals("AUTHORIZATION", "authorization"));
  CHECK_FALSE(iequals("\xC9", "\xE9"));  // É and é in ISO-8859-1: not ASCII, not folded
  CHECK(istarts_with("ETag: \"x\"", "etag:"));
  CHECK(iless("IDN", "Kerberos"));
  CHECK(iless("alt-svc", "IPv6"));
  CHECK_FALSE(iless("IPv6", "IDN"));
  CHECK(percent_encode("caf\xE9 I", true) == "caf%E9+I");
}

}  // namespace

TEST_CASE("ASCII classes and case folding follow the C locale's rules for every byte") { check_ascii_classes(); }

// The single-byte locales that break <cctype>-based code: 'I' lowers to 0xFD
// in tr_TR.ISO-8859-9, 0xE9 is a letter in de_DE.ISO-8859-1. ctest makes them
// with localedef (LOCPATH) and names them in DBCURL_TEST_LOCALES.
TEST_CASE("ASCII helpers give the same answers under single-byte locales") {
  const char* names = std::getenv("DBCURL_TEST_LOCALES");
  if (names == nullptr) return;  // run by hand without the locales
  for (std::string_view name : split(names, ',')) {
    const std::string locale(name);
    INFO("locale " << locale);
    REQUIRE(std::setlocale(LC_ALL, locale.c_str()) != nullptr);
    check_ascii_classes();
    std::setlocale(LC_ALL, "C");
  }
}

TEST_CASE("curl_file_text keeps what curl 7.88's file2string keeps: each fgets() piece up to CR, LF or NUL") {
  CHECK(curl_file_text("A\n%{http_code}\nB\nC\n") == "A%{http_code}BC");
  CHECK(curl_file_text("line one\r\nline two\r\n") == "line oneline two");
  CHECK(curl_file_text("kept\rdropped\nnext") == "keptnext");  // a CR ends its piece, not only a CRLF
  CHECK(curl_file_text(std::string_view("a\0b\nc", 5)) == "ac");
  // A line past 255 bytes is read in pieces: a CR drops only the rest of its own piece.
  const std::string first(255, 'x');
  CHECK(curl_file_text(first + "yy\rzz" + std::string(300, 'w') + "\nend") ==
        first + "yy" + std::string(50, 'w') + "end");
  CHECK(curl_file_text(first + "\r" + "after") == first);  // the CR opens the second piece
  CHECK(curl_file_text("") == "");
}
