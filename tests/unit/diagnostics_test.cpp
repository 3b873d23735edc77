#include <catch2/catch.hpp>

#include "common/diagnostics.hpp"

using namespace dbcurl;

TEST_CASE("warnings wrap like curl's: 70 columns, cut after a blank") {
  CHECK(wrap_warning("short") == "Warning: short\n");
  CHECK(wrap_warning("Couldn't read data from file \"/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", this "
                     "makes an empty POST.") ==
        "Warning: Couldn't read data from file \n"
        "Warning: \"/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", this \n"
        "Warning: makes an empty POST.\n");
  const std::string long_word(100, 'a');
  CHECK(wrap_warning(long_word) == "Warning: " + std::string(70, 'a') + "\nWarning: " + std::string(30, 'a') + "\n");
}
