// The findings of a check as the sidebar, getFindings and the report read them: in the check's
// order, kept in shared blocks that never change. A version made after an edit shares every
// block the edit did not touch, so publishing a typed cell copies a block of findings instead
// of all 200,000, and a reader holding the previous version is never in the way.
#pragma once

#include <cstddef>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/validate/findings.hpp"

namespace dealsheet {

class FindingList {
  public:
    using Block = std::vector<Finding>;

    class const_iterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Finding;
        using difference_type = std::ptrdiff_t;
        using pointer = const Finding*;
        using reference = const Finding&;

        const_iterator() = default;
        reference operator*() const { return (*(*blocks_)[block_])[at_]; }
        pointer operator->() const { return &**this; }
        const_iterator& operator++();
        const_iterator operator++(int) {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const const_iterator& o) const {
            return block_ == o.block_ && at_ == o.at_;
        }
        bool operator!=(const const_iterator& o) const { return !(*this == o); }

      private:
        friend class FindingList;
        const_iterator(const std::vector<std::shared_ptr<const Block>>* blocks, std::size_t block)
            : blocks_(blocks), block_(block) {}
        const std::vector<std::shared_ptr<const Block>>* blocks_ = nullptr;
        std::size_t block_ = 0, at_ = 0;
    };

    FindingList() = default;
    // `findings` in the check's order (as IncrementalCheck and validateWorkbook give them).
    explicit FindingList(std::vector<Finding> findings);

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Finding& operator[](std::size_t index) const;  // a binary search of the blocks
    const_iterator begin() const { return {&blocks_, 0}; }
    const_iterator end() const { return {&blocks_, blocks_.size()}; }
    std::vector<Finding> toVector() const;

    // How many findings each sheet, severity and rule has (kept up to date by patched(), so
    // the Problems panel's counts cost what an edit changed, not a walk of every finding).
    struct TallyKey {
        std::string sheet;
        Severity severity;
        std::string rule;
        bool operator<(const TallyKey& o) const;
    };
    using Tally = std::map<TallyKey, long>;
    const Tally& tally() const;
    // The sheets of the findings in the list's order (a look at each block's ends, and into a
    // block only where a sheet starts or ends inside it).
    std::vector<std::string> sheets() const;

    // A new version without `removed` and with `added`, each in its place in the order of
    // sheets (`sheetOrder`, sheets not in it last), row, column, rule; after the findings
    // already in that place. Only the blocks they fall into are copied.
    FindingList patched(const std::vector<Finding>& removed, const std::vector<Finding>& added,
                        const std::vector<std::string>& sheetOrder) const;

  private:
    void index();  // starts_ and size_ from blocks_

    std::vector<std::shared_ptr<const Block>> blocks_;  // none empty
    std::vector<std::size_t> starts_;                   // each block's first index
    std::size_t size_ = 0;
    mutable std::shared_ptr<const Tally> tally_;  // null until counted (atomic_load/store)
};

}  // namespace dealsheet
