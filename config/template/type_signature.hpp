#pragma once
// Pystachio's serialised type signatures (serialize_type(), TypeFactory.load): types as nested
// tuples of plain data, and back.

#include <vector>

#include "config/template/model.hpp"

namespace aurora::config::templating {

// T.serialize_type(), spec 1.11: ('String',), ('List', ('Integer',)), ('Map', K, V),
// ('Enum', name, values), ('Choice', name, (alternatives...)),
// ('Struct', name, ((field, (required, default.get() or (), default is Empty, type)), ...)) with the
// fields sorted by name.  Tuples are Data lists (the bridge turns them into Python tuples).
Data serialize_type(const TypePtr& t);

// TypeFactory.new(type_dict, *signature): the type a signature describes.  Each type built on the
// way (the outer one last) is appended to `touched`, as TypeFactory.load deposits them by name.
TypePtr deserialize_type(const Data& signature, std::vector<TypePtr>* touched = nullptr);

}  // namespace aurora::config::templating
