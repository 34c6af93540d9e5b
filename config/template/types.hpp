#pragma once
// The pystachio type factories (String, List(T), Struct classes, ...) and structural type identity.

#include <string>
#include <vector>

#include "config/template/model.hpp"

namespace aurora::config::templating {

TypePtr string_type();
TypePtr integer_type();
TypePtr float_type();
TypePtr boolean_type();
// Enum('A','B') is named Enum_A_B; Enum('Name', ('A','B')) is named Name.
TypePtr enum_type(std::string name, std::vector<std::string> values);
TypePtr enum_type(const std::vector<std::string>& values);
TypePtr list_type(const TypePtr& element);
TypePtr map_type(const TypePtr& key, const TypePtr& value);
// Fields in declaration order; the Python 2 iteration order is computed here.
TypePtr struct_type(std::string name, std::vector<FieldDecl> fields);
TypePtr choice_type(const std::vector<TypePtr>& alternatives);
TypePtr choice_type(std::string name, std::vector<TypePtr> alternatives);

// isinstance-style identity: same kind, name and parameters.
bool same_type(const TypePtr& a, const TypePtr& b);

}  // namespace aurora::config::templating
