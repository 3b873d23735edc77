#include <catch2/catch.hpp>

#include "cli/output_names.hpp"

using namespace dbcurl;

TEST_CASE("-O names the file after the last segment of the URL's path, without query or fragment") {
  CHECK(remote_name("/dir/file.txt?x=1#top") == "file.txt");
  CHECK(remote_name("/file") == "file");
  CHECK(remote_name("/dir/") == "");
  CHECK(remote_name("") == "");
}

TEST_CASE("-T to a URL ending in '/' appends the local file's name, percent-encoded, before the query") {
  CHECK(with_upload_name("http://h/up/?q=1", "/up/?q=1", std::string("dir/a b.txt")) == "http://h/up/a%20b.txt?q=1");
  CHECK(with_upload_name("http://h", "", std::string("C:\\x\\f.bin")) == "http://h/f.bin");
  CHECK(with_upload_name("http://h/up/file", "/up/file", std::string("local.txt")) == "http://h/up/file");
  CHECK(with_upload_name("http://h/up/", "/up/", std::string("-")) == "http://h/up/");
  CHECK(with_upload_name("http://h/up/", "/up/", std::nullopt) == "http://h/up/");
}

TEST_CASE("an output name is -o's with #N filled, or -O's, in --output-dir unless absolute or stdout") {
  TransferConfig transfer;
  transfer.outputs = {std::string("out_#1.txt"), std::nullopt, std::string("-")};
  transfer.output_dir.emplace("dir");
  CHECK(output_name(transfer, 0, "/x", {"a"}) == "dir/out_a.txt");
  CHECK(uses_remote_name(transfer, 1));
  CHECK(output_name(transfer, 1, "/p/name.json", {}) == "dir/name.json");
  CHECK(output_name(transfer, 2, "/p", {}) == "-");
  CHECK_FALSE(output_name(transfer, 3, "/p", {}).has_value());
  transfer.remote_name_all = true;
  CHECK(output_name(transfer, 3, "/p/all.bin", {}) == "dir/all.bin");
}
