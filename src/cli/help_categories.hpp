#pragma once
// curl's help categories (--help CATEGORY): their names and descriptions; each
// option row says which categories list it.

#include <cstdint>
#include <span>
#include <string_view>

#include "cli/option_table.hpp"

namespace dbcurl {

struct HelpCategory {
  std::string_view name;
  std::string_view description;
  std::uint32_t bit;  // help_category::k*
};

std::span<const HelpCategory> help_categories();

}  // namespace dbcurl
