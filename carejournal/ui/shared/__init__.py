"""Small pieces several features share: colours, labels, pickers, row lists, background work,
undoable operations.
"""
