// A hash index from text keys to row numbers for Validate's per-row look-ups (the keys of a
// sheet, the references to them, the names seen before). Open addressing over one array and
// keys either viewed where they already live (a sheet's cells outlive the validation) or copied
// into the index's own blocks: no allocation per row, unlike a map of std::string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace dealsheet {

class KeyIndex {
  public:
    enum class Key { Lasting, Copied };  // Lasting: the key's bytes outlive the index

    void reserve(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2) capacity *= 2;
        if (capacity > slots_.size()) rehash(capacity);
    }

    // The value stored for `key` (to read or change), and whether it was stored now, with
    // `value`, or before. The pointer holds until the next emplace.
    std::pair<int*, bool> emplace(std::string_view key, int value, Key lifetime) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        const std::uint32_t hash = hashOf(key);
        Slot& slot = slots_[slotOf(key, hash)];
        if (slot.used()) return {&slot.value, false};
        // A short key is copied into the slot anyway; a longer one is kept where it lives when
        // that outlasts the index.
        slot.setKey(lifetime == Key::Lasting || key.size() <= kInline ? key : copy(key));
        slot.hash = hash;
        slot.value = value;
        ++size_;
        return {&slot.value, true};
    }

    const int* find(std::string_view key) const {
        if (slots_.empty()) return nullptr;
        const Slot& slot = slots_[slotOf(key, hashOf(key))];
        return slot.used() ? &slot.value : nullptr;
    }

    bool empty() const { return size_ == 0; }

  private:
    // 24 bytes, a key of up to 12 bytes (a customer or action number) held in the slot
    // itself: a look-up then reads one place in memory, not the slot and the key's cell.
    static constexpr std::size_t kInline = 12;
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t size = 0;  // the key's size + 1; 0: a free slot
        int value = 0;
        char bytes[kInline] = {};  // the key when it fits, else the address of its bytes

        bool used() const { return size != 0; }
        std::string_view key() const {
            const std::size_t length = size - 1;
            if (length <= kInline) return {bytes, length};
            const char* data = nullptr;
            std::memcpy(&data, bytes, sizeof data);
            return {data, length};
        }
        void setKey(std::string_view key) {
            size = static_cast<std::uint32_t>(key.size() + 1);
            if (key.size() <= kInline) {
                if (!key.empty()) std::memcpy(bytes, key.data(), key.size());
            } else {
                const char* data = key.data();
                std::memcpy(bytes, &data, sizeof data);
            }
        }
    };
    static_assert(sizeof(const char*) <= kInline && sizeof(Slot) == 24);

    static std::uint32_t hashOf(std::string_view key) {
        const std::size_t hash = std::hash<std::string_view>{}(key);
        return static_cast<std::uint32_t>(hash ^ (hash >> 32));
    }

    // The slot holding `key`, or the free one where it belongs (the table is never full).
    std::size_t slotOf(std::string_view key, std::uint32_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (!slot.used() ||
                (slot.hash == hash && slot.size == key.size() + 1 && slot.key() == key))
                return at;
        }
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old(capacity);
        old.swap(slots_);
        for (const Slot& slot : old)
            if (slot.used()) slots_[slotOf(slot.key(), slot.hash)] = slot;
    }

    std::string_view copy(std::string_view key) {
        if (key.size() > blockLeft_) {
            const std::size_t size = key.size() > kBlock ? key.size() : kBlock;
            blocks_.push_back(std::make_unique<char[]>(size));
            blockNext_ = blocks_.back().get();
            blockLeft_ = size;
        }
        std::memcpy(blockNext_, key.data(), key.size());
        const std::string_view copied(blockNext_, key.size());
        blockNext_ += key.size();
        blockLeft_ -= key.size();
        return copied;
    }

    static constexpr std::size_t kBlock = 64 * 1024;
    std::vector<Slot> slots_;
    std::size_t size_ = 0;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* blockNext_ = nullptr;
    std::size_t blockLeft_ = 0;
};

}  // namespace dealsheet
