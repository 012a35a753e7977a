#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace maplace::search {

// Lower-cases and strips accents (utf8proc case folding and mark stripping; œ → oe, æ → ae)
// and turns every character that is not a letter or a digit into one space:
// "Électricien(ne) d'Équipement" → "electricien ne d equipement".
std::string Fold(std::string_view utf8);

// The words of a folded text (split on spaces), in order.
std::vector<std::string_view> Words(std::string_view folded);

// A small French stop-word list (folded: "a" for « à »), plus every one-letter word.
bool IsStopWord(std::string_view folded_word);

// The French Snowball stem of a folded word ("soudeurs" → "soudeur"). Thread-safe: each thread
// has its own stemmer (libstemmer's are not) and a cache of recent stems.
std::string Stem(std::string_view folded_word);

struct Token {
  std::string word;  // folded
  std::string stem;
};
// Fold, split, drop stop words, stem.
std::vector<Token> Analyze(std::string_view utf8);

}  // namespace maplace::search
