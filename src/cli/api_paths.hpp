#pragma once

#include <span>
#include <string_view>

namespace dbcurl {

// Every Databricks REST path of the endpoint catalog, sorted, "{param}"
// segments left for the user to fill.
std::span<const std::string_view> api_paths();

}  // namespace dbcurl
