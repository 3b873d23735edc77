#pragma once

#include <string>

#include "cli/option_table.hpp"

namespace dbcurl {

// "--no-progress-meter" style for booleans whose documented form is negative.
std::string option_display_name(const OptionSpec& spec);
std::string help_text();

}  // namespace dbcurl
