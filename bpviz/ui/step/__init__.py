"""The Step page: settings and buttons, the diagram component, the inspector, quiz mode."""
