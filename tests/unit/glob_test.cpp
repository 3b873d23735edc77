#include <catch2/catch.hpp>

#include "cli/glob.hpp"

using namespace dbcurl;

namespace {
std::vector<std::string> expand(std::string_view url) {
  Result<UrlGlob> glob = UrlGlob::parse(url);
  REQUIRE(glob.ok());
  std::vector<std::string> urls;
  for (std::size_t i = 0; i < glob->size(); ++i) urls.push_back(glob->url(i));
  return urls;
}
std::string error_of(std::string_view url) {
  Result<UrlGlob> glob = UrlGlob::parse(url);
  REQUIRE_FALSE(glob.ok());
  CHECK(glob.error().exit_code == 3);
  return glob.error().message;
}
}  // namespace

TEST_CASE("globs expand as curl's do, the last pattern fastest") {
  CHECK(expand("h/{a,b}/[08-10:2]") == std::vector<std::string>{"h/a/08", "h/a/10", "h/b/08", "h/b/10"});
  CHECK(expand("h/[1-3]") == std::vector<std::string>{"h/1", "h/2", "h/3"});
  CHECK(expand("h/[a-c]") == std::vector<std::string>{"h/a", "h/b", "h/c"});
  CHECK(expand("h/[001-003]") == std::vector<std::string>{"h/001", "h/002", "h/003"});
  CHECK(expand("h/{,x}") == std::vector<std::string>{"h/", "h/x"});
  CHECK(expand("h/\\[1\\]\\{a\\}") == std::vector<std::string>{"h/[1]{a}"});
  CHECK(expand("http://[::1]:9/[1-2]") == std::vector<std::string>{"http://[::1]:9/1", "http://[::1]:9/2"});
  CHECK(expand("h/[]/p[1-2]") == std::vector<std::string>{"h/[]/p1", "h/[]/p2"});  // curl test 1290
  CHECK(UrlGlob::literal("h/{a,b}").url(0) == "h/{a,b}");
  CHECK(UrlGlob::parse("h/[1-100000]{a,b}")->size() == 200000);
}

TEST_CASE("glob errors name curl's reason and position") {
  CHECK(error_of("http://127.0.0.1:9/[1-") == "bad range in URL position 23:");
  CHECK(error_of("http://127.0.0.1:9/{a,b") == "unmatched brace in URL position 20:");
  CHECK(error_of("http://127.0.0.1:9/[3-1]") == "bad range in URL position 25:");
  CHECK(error_of("http://127.0.0.1:9/[a-5]") == "bad range in URL position 25:");
  CHECK(error_of("http://127.0.0.1:9/{a,{b}}") == "nested brace in URL position 23:");
  CHECK(error_of("http://127.0.0.1:9/[1-2:0]") == "bad range in URL position 27:");
  CHECK(error_of("http://127.0.0.1:9/x]") == "unmatched close brace/bracket in URL position 21:");
  const Error error = UrlGlob::parse("http://127.0.0.1:9/x]").error();
  CHECK(glob_error_text(error, "http://127.0.0.1:9/x]") == "http://127.0.0.1:9/x]\n                    ^\n");
}

TEST_CASE("#N in -o names") {
  CHECK(glob_output_name("out_#1_#2.txt", {"a", "08"}) == "out_a_08.txt");
  CHECK(glob_output_name("#3#x#", {"a"}) == "#3#x#");
}
