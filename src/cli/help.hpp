#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/option_table.hpp"

namespace dbcurl {

// "--no-progress-meter" style for booleans whose documented form is negative.
std::string option_display_name(const OptionSpec& spec);
// curl's --help [CATEGORY], Databricks options first: without a category the
// most used options, "all" every option, "category" the list of categories.
// The usage line names the program as invoked (dbcurl, or curl through a
// symlink, whose summary and category list leave the Databricks lines out).
std::string help_text(std::string_view program_name, const std::optional<std::string>& category);
// The man page as text (built into the dbcurl binary at build time); empty
// when the build had no groff to render it.
std::string_view manual_text();

}  // namespace dbcurl
