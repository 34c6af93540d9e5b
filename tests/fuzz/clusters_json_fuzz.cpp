// clusters.json: a list of cluster objects or an object of them, every field's type and value
// checked. Only aurora::Error may escape (a syntax error or a bad value, exit 3).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "clusters/cluster_set.hpp"
#include "errors/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aurora::clusters;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ClusterSet clusters;
  try {
    parse_clusters_json(text, "/fuzz/clusters.json", clusters);
    // A second file overriding the first, as ~/.aurora/clusters.json would.
    parse_clusters_json(text, "/fuzz/home/clusters.json", clusters);
    for (const std::string& name : clusters.names()) (void)clusters.get(name);
    (void)clusters.find("devcluster");
    (void)clusters.get("no-such-cluster");
  } catch (const aurora::Error&) {
  }
  return 0;
}
