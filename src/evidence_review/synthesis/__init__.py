"""Stage 3: from extracted estimates to comparable cells and pooled random-effects estimates."""
