#pragma once
// curl's command-line grammar → CommandLine. Pure: files named by @file are
// read through the given reader, warnings go to the given sink.

#include <string>
#include <vector>

#include "cli/config.hpp"
#include "cli/data_args.hpp"
#include "common/result.hpp"

namespace dbcurl {

struct ParseContext {
  FileReader read_file;
  WarningSink warn;  // called only while -s is not in effect, as curl does
};

Result<CommandLine> parse_command_line(const std::vector<std::string>& args, const ParseContext& context);

}  // namespace dbcurl
