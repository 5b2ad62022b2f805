"""The language server (`goescape lsp`): the engine's findings in the editor as you type, with quick fixes."""
