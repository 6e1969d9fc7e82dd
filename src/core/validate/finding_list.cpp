#include "core/validate/finding_list.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <string_view>
#include <tuple>

namespace dealsheet {
namespace {

// Findings per block: a typed cell copies one block (a few hundred findings), and the list of
// blocks stays short enough to copy whole (200,000 findings: 400 pointers).
constexpr std::size_t kBlockSize = 512;

auto fields(const Finding& f) {
    return std::tie(f.sheet, f.row, f.column, f.rule, f.severity, f.field, f.value, f.messageZh,
                    f.messageEn);
}

}  // namespace

bool FindingList::TallyKey::operator<(const TallyKey& o) const {
    return std::tie(sheet, severity, rule) < std::tie(o.sheet, o.severity, o.rule);
}

const FindingList::Tally& FindingList::tally() const {
    // Counted at the first question (a list nobody shows is never counted); two readers at
    // once may both count, the same.
    if (const auto counted = std::atomic_load(&tally_)) return *counted;
    auto counted = std::make_shared<Tally>();
    for (const auto& f : *this) ++(*counted)[{f.sheet, f.severity, f.rule}];
    std::atomic_store(&tally_, std::shared_ptr<const Tally>(counted));
    return *std::atomic_load(&tally_);
}

std::vector<std::string> FindingList::sheets() const {
    std::vector<std::string> out;
    const auto note = [&](const std::string& sheet) {
        if (out.empty() || out.back() != sheet) out.push_back(sheet);
    };
    for (const auto& block : blocks_) {
        if (block->front().sheet == block->back().sheet) {
            note(block->front().sheet);
            continue;
        }
        for (const auto& f : *block) note(f.sheet);
    }
    return out;
}

FindingList::const_iterator& FindingList::const_iterator::operator++() {
    if (++at_ == (*blocks_)[block_]->size()) {
        ++block_;
        at_ = 0;
    }
    return *this;
}

FindingList::FindingList(std::vector<Finding> findings) {
    for (std::size_t from = 0; from < findings.size(); from += kBlockSize) {
        const auto first = findings.begin() + static_cast<std::ptrdiff_t>(from);
        const auto last = findings.begin() +
                          static_cast<std::ptrdiff_t>(std::min(findings.size(), from + kBlockSize));
        blocks_.push_back(std::make_shared<const Block>(std::make_move_iterator(first),
                                                        std::make_move_iterator(last)));
    }
    index();
}

void FindingList::index() {
    starts_.clear();
    size_ = 0;
    for (const auto& block : blocks_) {
        starts_.push_back(size_);
        size_ += block->size();
    }
}

const Finding& FindingList::operator[](std::size_t index) const {
    const auto block = static_cast<std::size_t>(
        std::upper_bound(starts_.begin(), starts_.end(), index) - starts_.begin() - 1);
    return (*blocks_[block])[index - starts_[block]];
}

std::vector<Finding> FindingList::toVector() const {
    std::vector<Finding> all;
    all.reserve(size_);
    for (const auto& block : blocks_) all.insert(all.end(), block->begin(), block->end());
    return all;
}

FindingList FindingList::patched(const std::vector<Finding>& removed,
                                 const std::vector<Finding>& added,
                                 const std::vector<std::string>& sheetOrder) const {
    const auto place = [&](const Finding& f) {
        const auto sheet = std::find(sheetOrder.begin(), sheetOrder.end(), f.sheet);
        return std::make_tuple(sheet - sheetOrder.begin(), f.row, f.column,
                               std::string_view(f.rule));
    };
    const auto placeLess = [&](const Finding& a, const Finding& b) { return place(a) < place(b); };
    FindingList next = *this;
    // The counts follow the findings when they were counted; otherwise they wait for a question.
    const auto counted = std::atomic_load(&tally_);
    auto tally = counted ? std::make_shared<Tally>(*counted) : std::make_shared<Tally>();
    // The blocks being changed, copied once each, by index into next.blocks_.
    std::map<std::size_t, std::shared_ptr<Block>> copies;
    const auto writable = [&](std::size_t b) -> Block& {
        auto& copy = copies[b];
        if (!copy) copy = std::make_shared<Block>(*next.blocks_[b]);
        return *copy;
    };
    const auto blockOf = [&](std::size_t b) -> const Block& {
        const auto it = copies.find(b);
        return it != copies.end() ? *it->second : *next.blocks_[b];
    };
    // The first block whose last finding is not before `f`'s place (where `f` is, or goes).
    const auto firstBlockFor = [&](const Finding& f) {
        std::size_t low = 0, high = next.blocks_.size();
        while (low < high) {
            const std::size_t middle = (low + high) / 2;
            const Block& block = blockOf(middle);
            if (block.empty() || placeLess(block.back(), f))
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
    for (const auto& f : added) {
        if (next.blocks_.empty()) {
            next.blocks_.push_back(std::make_shared<const Block>());
            next.starts_.push_back(0);
        }
        // After the findings already in its place: the last block holding the place, or the
        // first block after it.
        std::size_t b = firstBlockFor(f);
        while (b + 1 < next.blocks_.size() && !placeLess(f, blockOf(b + 1).front()) &&
               !placeLess(f, blockOf(b).back()))
            ++b;
        if (b == next.blocks_.size()) --b;
        Block& block = writable(b);
        block.insert(std::upper_bound(block.begin(), block.end(), f, placeLess), f);
        ++(*tally)[{f.sheet, f.severity, f.rule}];
    }
    // Removed after the additions, so no block is empty while places are looked up.
    const auto removeFrom = [&](std::size_t b, const Finding& f) {
        const Block& block = blockOf(b);
        const auto it = std::find_if(block.begin(), block.end(),
                                     [&](const Finding& g) { return fields(g) == fields(f); });
        if (it == block.end()) return false;
        Block& changed = writable(b);
        changed.erase(changed.begin() + (it - block.begin()));
        if (const auto counted = tally->find({f.sheet, f.severity, f.rule});
            counted != tally->end() && --counted->second <= 0)
            tally->erase(counted);
        return true;
    };
    for (const auto& f : removed) {
        bool found = false;
        // Findings of one place may run over several blocks.
        for (std::size_t b = firstBlockFor(f); b < next.blocks_.size() && !found; ++b) {
            const Block& block = blockOf(b);
            if (!block.empty() && placeLess(f, block.front())) break;
            found = removeFrom(b, f);
        }
        // A block emptied by an earlier removal can mislead the search: every block then.
        for (std::size_t b = 0; b < next.blocks_.size() && !found; ++b) found = removeFrom(b, f);
    }
    // The changed blocks in place; an empty one goes, a long one is split.
    std::vector<std::shared_ptr<const Block>> blocks;
    blocks.reserve(next.blocks_.size() + copies.size());
    for (std::size_t b = 0; b < next.blocks_.size(); ++b) {
        const auto it = copies.find(b);
        if (it == copies.end()) {
            blocks.push_back(next.blocks_[b]);
            continue;
        }
        Block& block = *it->second;
        if (block.size() <= 2 * kBlockSize) {
            if (!block.empty()) blocks.push_back(std::move(it->second));
            continue;
        }
        for (std::size_t from = 0; from < block.size(); from += kBlockSize)
            blocks.push_back(std::make_shared<const Block>(
                std::make_move_iterator(block.begin() + static_cast<std::ptrdiff_t>(from)),
                std::make_move_iterator(block.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                            block.size(), from + kBlockSize)))));
    }
    next.blocks_ = std::move(blocks);
    next.index();
    next.tally_ = counted ? std::shared_ptr<const Tally>(std::move(tally)) : nullptr;
    return next;
}

}  // namespace dealsheet
