// The Thrift C++ generator declares operator< for every struct but defines none; std::set needs
// it for the structs the IDL puts in sets. Small keys compare field by field (so sets of ranges,
// job keys and metadata iterate in natural order); structs that embed a whole TaskConfig compare
// by their TBinary encoding, which is a total order that agrees with operator==.

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <memory>
#include <string>
#include <tuple>

#include "aurora_api_types.h"

namespace aurora::gen {
namespace {

template <class ThriftStruct>
std::string binary_encoding(const ThriftStruct& value) {
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>();
  apache::thrift::protocol::TBinaryProtocol protocol(buffer);
  value.write(&protocol);
  return buffer->getBufferAsString();
}

template <class ThriftStruct>
bool encoded_less(const ThriftStruct& left, const ThriftStruct& right) {
  return binary_encoding(left) < binary_encoding(right);
}

}  // namespace

bool Range::operator<(const Range& other) const {
  return std::tie(first, last) < std::tie(other.first, other.last);
}

bool JobKey::operator<(const JobKey& other) const {
  return std::tie(role, environment, name) < std::tie(other.role, other.environment, other.name);
}

bool Metadata::operator<(const Metadata& other) const {
  return std::tie(key, value) < std::tie(other.key, other.value);
}

bool Attribute::operator<(const Attribute& other) const {
  return std::tie(name, values) < std::tie(other.name, other.values);
}

bool HostStatus::operator<(const HostStatus& other) const {
  return std::tie(host, mode) < std::tie(other.host, other.mode);
}

bool RoleSummary::operator<(const RoleSummary& other) const {
  return std::tie(role, jobCount, cronJobCount) <
         std::tie(other.role, other.jobCount, other.cronJobCount);
}

bool PendingReason::operator<(const PendingReason& other) const {
  return std::tie(taskId, reason) < std::tie(other.taskId, other.reason);
}

bool TierConfig::operator<(const TierConfig& other) const {
  return std::tie(name, settings) < std::tie(other.name, other.settings);
}

bool Resource::operator<(const Resource& other) const {
  // A union: which member is set comes first, then its value (unset members hold defaults).
  return std::make_tuple(__isset.numCpus, numCpus, __isset.ramMb, ramMb, __isset.diskMb, diskMb,
                         __isset.namedPort, namedPort, __isset.numGpus, numGpus) <
         std::make_tuple(other.__isset.numCpus, other.numCpus, other.__isset.ramMb, other.ramMb,
                         other.__isset.diskMb, other.diskMb, other.__isset.namedPort,
                         other.namedPort, other.__isset.numGpus, other.numGpus);
}

bool MesosFetcherURI::operator<(const MesosFetcherURI& other) const {
  return encoded_less(*this, other);
}

bool Constraint::operator<(const Constraint& other) const {
  if (name != other.name) return name < other.name;
  return encoded_less(constraint, other.constraint);
}

bool ConfigGroup::operator<(const ConfigGroup& other) const { return encoded_less(*this, other); }

bool InstanceTaskConfig::operator<(const InstanceTaskConfig& other) const {
  return encoded_less(*this, other);
}

bool JobConfiguration::operator<(const JobConfiguration& other) const {
  return encoded_less(*this, other);
}

bool ScheduledTask::operator<(const ScheduledTask& other) const {
  return encoded_less(*this, other);
}

bool JobSummary::operator<(const JobSummary& other) const { return encoded_less(*this, other); }

}  // namespace aurora::gen
