"""Admin commands: reading them, saving changes through the versioned card store, price-update proposals
(genai-prices sync) and their rendering. May use answers (rendering helpers), store and text; never slack."""
