"""The « Suivi » screen: what became of each referral."""
