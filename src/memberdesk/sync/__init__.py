"""Sync: a council's ModernGov site -> the library, for the committees a councillor follows."""
