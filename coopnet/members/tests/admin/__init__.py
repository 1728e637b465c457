"""The back office: who may import, the import page's preview and confirm, exports, the registry's
rules on membership forms, and changelists whose cost does not grow with the rows."""
