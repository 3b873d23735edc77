#pragma once
// curl's help categories (--help CATEGORY), as lists of option ids: the option
// table stays the one list of options, this says where --help shows them.

#include <span>
#include <string_view>
#include <vector>

#include "cli/option_table.hpp"

namespace dbcurl {

struct HelpCategory {
  std::string_view name;
  std::string_view description;
  std::vector<OptionId> options;
};

std::span<const HelpCategory> help_categories();
// The options curl's --help lists when no category is named.
std::span<const OptionId> important_options();

}  // namespace dbcurl
