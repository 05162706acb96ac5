"""The delivery platforms\x27 simulators (美团外卖, 饿了么): ``omnistore platformsim``."""
