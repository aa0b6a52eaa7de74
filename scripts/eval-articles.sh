#!/usr/bin/env bash
# Prints, for each DHQ development article in ../shared/data/articles, the share of its
# citation pointers found and resolved to the right Works Cited entry by `bibgraph read`,
# and the share of Works Cited entries whose author, year and title are right.
# These articles are development data: the figures are on data the reader was tuned on.
#
#   scripts/eval-articles.sh            # the table
#   BIBGRAPH_EVAL_DETAIL=1 scripts/eval-articles.sh   # with every miss and wrong entry
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --quiet --test articles -- --ignored --nocapture
