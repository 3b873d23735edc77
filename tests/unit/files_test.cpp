#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "common/files.hpp"
#include "fake_io.hpp"

using namespace dbcurl;

namespace {

const DiskFileSystem kDisk;

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
  const FileContent content = kDisk.read_whole_file("/dev/zero", ReadLimit{1 << 20});
  CHECK(content.outcome == FileContent::Outcome::kTooLarge);
  CHECK(content.bytes.size() <= (1u << 20));
  CHECK(limit_message("/dev/zero", content, ReadLimit{1 << 20}) == "/dev/zero: larger than 1048576 bytes");
}

TEST_CASE("read_whole_file stops at the first line longer than the line limit") {
  const FileContent zeros = kDisk.read_whole_file("/dev/zero", ReadLimit{SIZE_MAX, 100});
  CHECK(zeros.outcome == FileContent::Outcome::kLineTooLong);
  CHECK(zeros.bytes.size() < 16384 * 2);
  CHECK(limit_message("/dev/zero", zeros, ReadLimit{SIZE_MAX, 100}) == "/dev/zero: a line longer than 100 bytes");

  // 100 bytes in a line is within the limit, with or without its line break, in any chunk.
  const std::string fits = std::string(40000, '\n') + std::string(100, 'a') + "\n" + std::string(100, 'b');
  const std::string fits_path = temporary_file(fits);
  const FileContent read = kDisk.read_whole_file(fits_path, ReadLimit{SIZE_MAX, 100});
  CHECK(read.outcome == FileContent::Outcome::kRead);
  CHECK(read.bytes == fits);
  std::remove(fits_path.c_str());

  // A line of 101 bytes that starts in one 16 KiB chunk and ends in the next.
  const std::string split = std::string(16384 - 50, '\n') + std::string(101, 'a') + "\n";
  const std::string split_path = temporary_file(split);
  CHECK(kDisk.read_whole_file(split_path, ReadLimit{SIZE_MAX, 100}).outcome == FileContent::Outcome::kLineTooLong);
  std::remove(split_path.c_str());
}

TEST_CASE("read_within_limit keeps the disk's limits for files in memory") {
  CHECK(read_within_limit("abc\ndef", ReadLimit{7, 3}).outcome == FileContent::Outcome::kRead);
  CHECK(read_within_limit("abc\ndef", ReadLimit{7, 3}).bytes == "abc\ndef");
  CHECK(read_within_limit("abc\ndef", ReadLimit{6, 3}).outcome == FileContent::Outcome::kTooLarge);
  CHECK(read_within_limit("abcd\nef", ReadLimit{7, 3}).outcome == FileContent::Outcome::kLineTooLong);
  CHECK(read_within_limit("ab\ncdef", ReadLimit{7, 3}).outcome == FileContent::Outcome::kLineTooLong);
}

TEST_CASE("read_file_if_exists: missing is nothing, a directory or an oversized file an error") {
  const std::string path = temporary_file("machine h login token password dapi-x\n");
  const auto read = kDisk.read_file_if_exists(path, 1024, 102);
  REQUIRE(read.ok());
  CHECK(**read == "machine h login token password dapi-x\n");
  const auto large = kDisk.read_file_if_exists(path, 10, 102);
  REQUIRE_FALSE(large.ok());
  CHECK(large.error().exit_code == 102);
  CHECK(large.error().message == path + ": larger than 10 bytes");
  const auto through_file = kDisk.read_file_if_exists(path + "/x", 1024, 102);  // ENOTDIR
  REQUIRE(through_file.ok());
  CHECK_FALSE(through_file->has_value());
  std::remove(path.c_str());
  const auto missing = kDisk.read_file_if_exists(path, 1024, 102);
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
  const auto directory = kDisk.read_file_if_exists(P_tmpdir, 1024, 102);
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error().message == std::string(P_tmpdir) + ": is a directory");
}

TEST_CASE("read_file_if_exists refuses a FIFO or a device at once: a writer never comes") {
  std::string fifo = P_tmpdir;
  fifo += "/dbcurl-files-test-fifo-XXXXXX";
  REQUIRE(::mkdtemp(fifo.data()) != nullptr);
  const std::string directory = fifo;
  fifo += "/netrc";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto from_fifo = kDisk.read_file_if_exists(fifo, 1024, 102);  // a blocking open() would never return
  REQUIRE_FALSE(from_fifo.ok());
  CHECK(from_fifo.error().exit_code == 102);
  CHECK(from_fifo.error().message == fifo + ": not a regular file (a FIFO or a device)");
  const auto from_device = kDisk.read_file_if_exists("/dev/null", 1024, 102);
  REQUIRE_FALSE(from_device.ok());
  CHECK(from_device.error().message == "/dev/null: not a regular file (a FIFO or a device)");
  // Files named in option values may be devices and pipes, as curl reads them.
  CHECK(kDisk.read_whole_file("/dev/null", kOptionFileLimit).outcome == FileContent::Outcome::kRead);
  std::remove(fifo.c_str());
  ::rmdir(directory.c_str());
}

TEST_CASE("read_file_if_exists reads a file named '-', never standard input") {
  testing::MemoryFileSystem files;
  files.write("-", "from a file named -");
  const auto read = files.read_file_if_exists("-", 1024, 102);
  REQUIRE(read.ok());
  CHECK(**read == "from a file named -");
  CHECK(files.reads == std::vector<std::string>{"./-"});
}
