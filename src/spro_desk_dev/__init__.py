"""Development-only code: screenshots, demo data, synthetic regions, benchmark generators.

Not part of the product: the wheel and the frozen build leave it out
(tests/test_architecture.py checks that nothing in spro_desk imports it).
"""
