"""The command line: the parser, output helpers and one module per command family under commands/.
"""
