#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "common/files.hpp"

using namespace dbcurl;

namespace {

std::string temporary_file(const std::string& text) {
  std::string path = P_tmpdir;
  path += "/dbcurl-files-test-XXXXXX";
  const int fd = ::mkstemp(path.data());
  REQUIRE(fd >= 0);
  ::close(fd);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("read_whole_file stops at the byte limit, also on an endless file") {
  const FileContent content = read_whole_file("/dev/zero", ReadLimit{1 << 20});
  CHECK(content.outcome == FileContent::Outcome::kTooLarge);
  CHECK(content.bytes.size() <= (1u << 20));
  CHECK(limit_message("/dev/zero", content, ReadLimit{1 << 20}) == "/dev/zero: larger than 1048576 bytes");
}

TEST_CASE("read_whole_file stops at the first line longer than the line limit") {
  const FileContent zeros = read_whole_file("/dev/zero", ReadLimit{SIZE_MAX, 100});
  CHECK(zeros.outcome == FileContent::Outcome::kLineTooLong);
  CHECK(zeros.bytes.size() < 16384 * 2);
  CHECK(limit_message("/dev/zero", zeros, ReadLimit{SIZE_MAX, 100}) == "/dev/zero: a line longer than 100 bytes");

  // 100 bytes in a line is within the limit, with or without its line break, in any chunk.
  const std::string fits = std::string(40000, '\n') + std::string(100, 'a') + "\n" + std::string(100, 'b');
  const std::string fits_path = temporary_file(fits);
  const FileContent read = read_whole_file(fits_path, ReadLimit{SIZE_MAX, 100});
  CHECK(read.outcome == FileContent::Outcome::kRead);
  CHECK(read.bytes == fits);
  std::remove(fits_path.c_str());

  // A line of 101 bytes that starts in one 16 KiB chunk and ends in the next.
  const std::string split = std::string(16384 - 50, '\n') + std::string(101, 'a') + "\n";
  const std::string split_path = temporary_file(split);
  CHECK(read_whole_file(split_path, ReadLimit{SIZE_MAX, 100}).outcome == FileContent::Outcome::kLineTooLong);
  std::remove(split_path.c_str());
}
