#pragma once
// curl's -F grammar: name=value, name=@file[,file...], name=<file, @-/<-
// (standard input), name=( ... =) nested multiparts, each with ;type=
// ;filename= ;headers= ;encoder= and double-quoted words with \" and \\.

#include <string_view>
#include <vector>

#include "cli/config.hpp"
#include "cli/data_args.hpp"
#include "common/result.hpp"

namespace dbcurl {

struct FormBuilder {
  std::vector<FormPart>& form;  // the transfer's top-level parts
  int& depth;                   // how many "name=(" multiparts are open
  const FileSystem& files;      // headers=@file, and "-" for standard input
  const WarningSink& warn;
};

// Adds one -F (literal false) or --form-string (literal true) value. An Error
// (its message empty) is curl's "is badly used here", after curl's warning.
Status add_form_field(std::string_view input, bool literal, const FormBuilder& builder);

}  // namespace dbcurl
